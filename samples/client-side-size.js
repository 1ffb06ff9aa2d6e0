// Next-generation, client-side (JWT) tokens: every claim you add travels with every API call.
// This script copies the user's entitlements into the token; with many entitlements it approaches
// the 4 KB limit browsers put on cookies.
var entitlements = identity.getAttributeValues('entitlement');
accessToken.setField('entitlements', entitlements);
accessToken.setField('entitlement_count', entitlements.length);
