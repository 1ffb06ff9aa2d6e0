// One script serves every grant the client uses (AM runs it at each issuance), so it branches on the grant:
// a service token (client credentials: the identity is the client's own agent, there is no user and no
// refresh token) carries the client's tier; a user's token carries the user's mail.
(function () {
  var grant = String(accessToken.getGrantType());
  if (grant === 'client_credentials') {
    var custom = clientProperties.get('customProperties');
    accessToken.setField('client_tier', custom.get('tier') ? String(custom.get('tier')) : 'standard');
    return;
  }
  var mail = identity.getAttribute('mail');
  if (!mail.isEmpty()) {
    accessToken.setField('email', String(mail.iterator().next()));
  }
}());
