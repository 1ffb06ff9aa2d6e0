// Macaroon tokens with a third-party caveat (scenario token.storage "macaroon"): the partner may use the token
// only once a terms service, a third party, vouches that the user accepted its terms. The terms service signs its
// discharge macaroon with the caveat key given here; the resource server sends that discharge in the
// X-Discharge-Macaroon header when it introspects the token (an introspect step's dischargeMacaroons).
accessToken.addThirdPartyCaveat("https://terms.example.com/", "terms-service caveat key", "terms-accepted");
accessToken.setField("partner", "acme");
