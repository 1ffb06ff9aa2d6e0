// Macaroon tokens (the provider's "Use Macaroon Access and Refresh Tokens"; scenario token.storage "macaroon"):
// every token this client gets is narrowed to the profile scope and a 5-minute life by a first-party caveat.
// AM's caveats are JSON objects; a legacy script passes JSON text, because a JavaScript object would reach the
// Java method as the string "[object Object]".
accessToken.addFirstPartyCaveat(JSON.stringify({
  scope: "profile",
  exp: Math.floor(Date.now() / 1000) + 300
}));
accessToken.setField("partner", "acme");
