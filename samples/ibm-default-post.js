/*
 * IBM Security Verify Access, post-token mapping rule (classic appliance): the essential parts of the
 * appliance's default oauth_20_post_mapping.js as reference flows-and-hooks.md §C.3/§C.6 describes them
 * (IBM-Security/verify-access-aac-mapping-rules mapping_rules/oauth_20_post_mapping.js): a client may only
 * introspect its own tokens (otherwise clear the stsuu and answer active=false), and /userinfo returns claims
 * saved against the grant. Written for the playground; not IBM's code.
 */
importClass(Packages.com.tivoli.am.fim.trustserver.sts.uuser.Attribute);
importClass(Packages.com.tivoli.am.fim.trustserver.sts.utilities.IDMappingExtUtils);
importClass(Packages.com.tivoli.am.fim.trustserver.sts.utilities.OAuthMappingExtUtils);

var must_client_own_token_introspect = true;
var RESPONSE = "urn:ibm:names:ITFIM:oauth:response:attribute";

var context = stsuu.getContextAttributes();
var request_type = context.getAttributeValueByNameAndType("request_type", "urn:ibm:names:ITFIM:oauth:request");
var state_id = context.getAttributeValueByNameAndType("state_id", "urn:ibm:names:ITFIM:oauth:state");

if (request_type == "introspect" && must_client_own_token_introspect) {
  var owner = context.getAttributeValueByNameAndType("client_id", RESPONSE);
  var caller = context.getAttributeValueByNameAndType("client_id", "urn:ibm:names:ITFIM:oauth:body:param");
  if (owner != null && caller != null && !owner.equals(caller)) {
    IDMappingExtUtils.traceString("introspect: " + caller + " does not own this token");
    stsuu.clear();
    stsuu.addContextAttribute(new Attribute("active", RESPONSE, "false"));
  } else if (state_id != null) {
    var department = OAuthMappingExtUtils.getAssociation(state_id, "department");
    if (department != null) stsuu.addContextAttribute(new Attribute("department", RESPONSE, department));
  }
}

if (request_type == "userinfo" && state_id != null) {
  var saved = OAuthMappingExtUtils.retrieveAllAssociations(state_id);
  var keys = saved.keySet().toArray();
  for (var i = 0; i < keys.length; i++) {
    var key = "" + keys[i];
    var prefix = "urn:ibm:names:ITFIM::oauth:saved:claim:";
    if (key.indexOf(prefix) == 0) {
      stsuu.addContextAttribute(new Attribute(key.substring(prefix.length), RESPONSE, saved.get(keys[i])));
    }
  }
}
