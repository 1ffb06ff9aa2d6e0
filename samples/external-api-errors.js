// Next-generation: enrich the token from an entitlement service, and degrade gracefully when it fails.
var userId = identity.getAttributeValues('_id')[0];

httpClient.send('https://entitlements.example.com/v1/users/' + userId + '/entitlements', {
  method: 'GET',
  headers: { Accept: 'application/json' },
  token: systemEnv.getProperty('esv.entitlements.token')
}).then(function (response) {
  if (!response.ok) {
    throw new Error('entitlement service answered ' + response.status + ' ' + response.statusText);
  }
  accessToken.setField('entitlements', response.json().entitlements);
}).thenCatch(function (error) {
  logger.error('Entitlements unavailable, issuing a token without them: {}', error.message);
  accessToken.setField('entitlements_unavailable', true);
});
