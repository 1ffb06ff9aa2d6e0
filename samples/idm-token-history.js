// Remember in IDM when this user last got a token, and tell the resource server when the previous one was.
// The write is a call to IDM, outside the token request: the grant's next request (a refresh) reads it back.
var userId = identity.getAttributeValues("_id")[0];
var path = "managed/alpha_user/" + userId;
var user = openidm.read(path);
if (user.custom_lastTokenAt) {
  accessToken.setField("previous_token_at", user.custom_lastTokenAt);
}
openidm.patch(path, null, [
  { operation: "replace", field: "/custom_lastTokenAt", value: new Date(Date.now()).toISOString() },
  { operation: "increment", field: "/custom_tokenCount", value: 1 }
]);
