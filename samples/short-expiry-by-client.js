/*
 * Legacy: clients that declare a "tokenLifetimeSeconds" custom property get shorter-lived tokens.
 * Custom properties come from the client profile (Advanced > Custom Properties).
 */
(function () {
  if (!clientProperties) {
    return;
  }
  var custom = clientProperties.get('customProperties');
  var lifetime = custom ? custom.get('tokenLifetimeSeconds') : null;
  if (lifetime) {
    var seconds = parseInt(String(lifetime), 10);
    accessToken.setExpiryTime(Date.now() + seconds * 1000);
    accessToken.setField('lifetime_policy', 'client:' + seconds + 's');
  }
}());
