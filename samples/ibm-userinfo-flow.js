/*
 * IBM Security Verify Access, post-token mapping rule (classic appliance): claims for /userinfo saved against the
 * grant. Only /authorize sees the user's credential, so the rule saves the claims there under the prefix IBM's
 * default post rule uses (urn:ibm:names:ITFIM::oauth:saved:claim:, JSON text for lists); at /userinfo it returns
 * them. The state_id survives refresh, so the claims are still there for the refreshed access token.
 * Modelled on IBM's default oauth_20_post_mapping.js (reference flows-and-hooks.md §C.3); not IBM's code.
 */
importClass(Packages.com.tivoli.am.fim.trustserver.sts.uuser.Attribute);
importClass(Packages.com.tivoli.am.fim.trustserver.sts.utilities.OAuthMappingExtUtils);

var SAVED = "urn:ibm:names:ITFIM::oauth:saved:claim:";
var RESPONSE = "urn:ibm:names:ITFIM:oauth:response:attribute";
var context = stsuu.getContextAttributes();
var request_type = context.getAttributeValueByNameAndType("request_type", "urn:ibm:names:ITFIM:oauth:request");
var state_id = context.getAttributeValueByNameAndType("state_id", "urn:ibm:names:ITFIM:oauth:state");

if (request_type == "authorization") {
  var credential = stsuu.getAttributeContainer();
  var email = credential.getAttributeValueByName("emailAddress");
  if (email != null) OAuthMappingExtUtils.associate(state_id, SAVED + "email", email);
  var groups = credential.getAttributeValuesByName("groups");
  if (groups != null) {
    // A Java String[]: copied into JS strings so JSON.stringify writes a list of them.
    var list = [];
    for (var g = 0; g < groups.length; g++) list.push("" + groups[g]);
    OAuthMappingExtUtils.associate(state_id, SAVED + "groups", JSON.stringify(list));
  }
}

if (request_type == "userinfo" && state_id != null) {
  var saved = OAuthMappingExtUtils.retrieveAllAssociations(state_id);
  var keys = saved.keySet().toArray();
  for (var i = 0; i < keys.length; i++) {
    var key = "" + keys[i];
    if (key.indexOf(SAVED) == 0) stsuu.addContextAttribute(new Attribute(key.substring(SAVED.length), RESPONSE, saved.get(keys[i])));
  }
}
