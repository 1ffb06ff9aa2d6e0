/*
 * IBM Security Verify Access, post-token mapping rule (classic appliance).
 * Modelled on the pattern in seed 003 (IBM Security blog, L. Farrell, "OAuth: Custom token attributes",
 * 2018): only /authorize sees the user's credential, so the rule saves the authentication level against the
 * grant's state_id there, and returns it from /token. The state_id does not change on refresh, so the value
 * is still there when the client refreshes (AM's token fields are not: there the script must re-derive them).
 * Written for the playground; not IBM's code.
 */
importClass(Packages.com.tivoli.am.fim.trustserver.sts.uuser.Attribute);
importClass(Packages.com.tivoli.am.fim.trustserver.sts.utilities.IDMappingExtUtils);
importClass(Packages.com.tivoli.am.fim.trustserver.sts.utilities.OAuthMappingExtUtils);

var context = stsuu.getContextAttributes();
var request_type = context.getAttributeValueByNameAndType("request_type", "urn:ibm:names:ITFIM:oauth:request");
var state_id = context.getAttributeValueByNameAndType("state_id", "urn:ibm:names:ITFIM:oauth:state");
IDMappingExtUtils.traceString("post-token: request_type=" + request_type + ", state_id=" + state_id);

if (request_type == "authorization") {
  var level = stsuu.getAttributeContainer().getAttributeValueByName("AUTHENTICATION_LEVEL");
  if (level != null) OAuthMappingExtUtils.associate(state_id, "authentication_level", level);
} else if (request_type == "access_token" || request_type == "introspect") {
  var saved = OAuthMappingExtUtils.getAssociation(state_id, "authentication_level");
  if (saved != null) {
    stsuu.addContextAttribute(new Attribute("authentication_level", "urn:ibm:names:ITFIM:oauth:response:attribute", saved));
  }
}
