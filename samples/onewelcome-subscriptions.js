// A OneWelcome "Customize Access Token" web hook, written as the handler of your own hook service would be:
// scopes stand for subscriptions; the hook removes the ones the user no longer has and adds the plan as a claim.
function handle(request) {
  var active = { profile: true, email: true, reports: false };
  var removeScopes = request.scopes.filter(function (scope) {
    return active[scope] === false;
  });
  console.log("client " + request.client.id + " asked for " + request.scopes.join(" "));
  return {
    removeScopes: removeScopes,
    additionalClaims: { plan: removeScopes.length ? "basic" : "premium", name: request.userClaims && request.userClaims.givenName },
  };
}
