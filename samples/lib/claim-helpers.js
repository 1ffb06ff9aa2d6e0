// A next-generation library script: shared helpers several token scripts use.
// Libraries see the common bindings (logger, utils, ...) but not accessToken or identity.
function normalizeEmail(value) {
  return String(value || '').trim().toLowerCase();
}

function departmentFromGroups(groupNames) {
  var match = groupNames.filter(function (name) { return name.indexOf('dept-') === 0; })[0];
  return match ? match.substring(5) : 'unknown';
}

exports.normalizeEmail = normalizeEmail;
exports.departmentFromGroups = departmentFromGroups;
exports.canSeeAccessToken = typeof accessToken !== 'undefined';
