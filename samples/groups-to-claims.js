/*
 * Legacy: put the names of the user's groups into a "groups" claim, as AIC's
 * "Alpha endUserUIClient" script does, but only for the scopes that need them.
 */
(function () {
  var fr = JavaImporter(com.sun.identity.idm.IdType);
  var wanted = ['fr:idc:analytics:*', 'fr:iga:*', 'fr:autoaccess:*'];
  var needsGroups = wanted.some(function (scope) {
    return scopes.contains(scope);
  });
  if (!needsGroups) {
    logger.message('No group scope requested; groups claim not added');
    return;
  }
  var groups = [];
  identity.getMemberships(fr.IdType.GROUP).toArray().forEach(function (group) {
    groups.push(String(group.getAttribute('cn').toArray()[0]));
  });
  accessToken.setField('groups', groups);
  logger.message('Added {} groups to the token', groups.length);
}());
