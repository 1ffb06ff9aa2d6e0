// Next-generation: add profile claims only for the scopes the client asked for.
var claimsByScope = {
  profile: ['givenName', 'sn'],
  email: ['mail'],
  phone: ['telephoneNumber']
};

scopes.forEach(function (scope) {
  var attributes = claimsByScope[scope] || [];
  attributes.forEach(function (name) {
    var values = identity.getAttributeValues(name);
    if (values.length > 0) {
      accessToken.setField(name, values[0]);
    }
  });
});

if (scopes.indexOf('admin') >= 0 && clientProperties.customProperties.allowAdmin !== 'true') {
  // This client may not hand out admin access: drop the scope from the token.
  accessToken.setScope(scopes.filter(function (s) { return s !== 'admin'; }));
  logger.warn('Removed admin scope for client {}', clientProperties.clientId);
}
