(function () {
  // Add a field next to the access token in the /oauth2/access_token response.
  accessToken.addExtraData('hello', 'world');

  // Add identity profile attribute values to the /oauth2/introspect response.
  accessToken.setField('mail', identity.getAttribute('mail'));
  accessToken.setField('phone', identity.getAttribute('telephoneNumber').toArray()[0]);

  // No return value is expected.
}());
