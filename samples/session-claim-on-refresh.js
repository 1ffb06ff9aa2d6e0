// Copies where the user logged in from into the token. Fine at login, but on refresh AM binds no session
// (session is null) and carries nothing over from the first token, so the claim disappears.
if (session) {
  accessToken.setField('login_host', String(session.getProperty('Host')));
}
