/*
 * IBM Security Verify Access, pre-token mapping rule (classic appliance): the essential parts of the
 * appliance's default oauth_20_pre_mapping.js as reference flows-and-hooks.md §C.6 lists its features
 * (IBM-Security/isam-support oauth-oidc-implicit-preTokenGeneration-attributeSource.js, a customised copy of the
 * default rule): read request_type and grant_type, let only confidential clients introspect, and customise the
 * ID token with urn:ibm:jwt:claim attributes. Written for the playground; not IBM's code.
 */
importClass(Packages.com.tivoli.am.fim.trustserver.sts.uuser.Attribute);
importClass(Packages.com.tivoli.am.fim.trustserver.sts.utilities.IDMappingExtUtils);
importClass(Packages.com.tivoli.am.fim.trustserver.sts.utilities.OAuthMappingExtUtils);

var only_allow_conf_client_introspect = true;
var customize_id_token = true;

var request_type = "resource"; // IBM's rules assume "resource" when the attribute is absent
var values = stsuu.getContextAttributes().getAttributeValuesByNameAndType("request_type", "urn:ibm:names:ITFIM:oauth:request");
if (values != null && values.length > 0) request_type = values[0];

var grant_type = null;
values = stsuu.getContextAttributes().getAttributeValuesByNameAndType("grant_type", "urn:ibm:names:ITFIM:oauth:body:param");
if (values != null && values.length > 0) grant_type = values[0];

IDMappingExtUtils.traceString("pre-token: " + request_type + (grant_type != null ? " " + grant_type : ""));

if (only_allow_conf_client_introspect && request_type == "introspect" && !oauth_client.isConfidential()) {
  OAuthMappingExtUtils.throwSTSAccessDeniedMessageException("Only confidential clients may introspect tokens.");
}

if (customize_id_token && request_type == "access_token") {
  var extended = JSON.parse(String(oauth_client.getExtendedData()));
  stsuu.addAttribute(new Attribute("client_tier", "urn:ibm:jwt:claim", extended.tier != null ? extended.tier : "standard"));
  stsuu.addAttribute(new Attribute("definition", "urn:ibm:jwt:claim", "" + definition_id));
}
