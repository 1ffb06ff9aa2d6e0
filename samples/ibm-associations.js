/*
 * IBM Security Verify Access, post-token mapping rule: the association store's documented edges.
 * OAuthMappingExtUtils (IBM docs "OAuthMappingExtUtils Utility"; seed 003): batchCreate never updates an
 * existing attribute, batchUpdate never creates one, and a key or value may be at most 256 characters.
 * Written for the playground; not IBM's code.
 */
importClass(Packages.com.tivoli.am.fim.trustserver.sts.uuser.Attribute);
importClass(Packages.com.tivoli.am.fim.trustserver.sts.utilities.OAuthMappingExtUtils);

var RESPONSE = "urn:ibm:names:ITFIM:oauth:response:attribute";
var state_id = stsuu.getContextAttributes().getAttributeValueByNameAndType("state_id", "urn:ibm:names:ITFIM:oauth:state");

var create = OAuthMappingExtUtils.getEmptyMap();
create.put("tier", "gold");          // exists already: batchCreate keeps "silver"
create.put("region", "eu-west");     // new: created
OAuthMappingExtUtils.batchCreate(state_id, create);

var update = OAuthMappingExtUtils.getEmptyMap();
update.put("tier", "platinum");      // exists: updated
update.put("nickname", "bj");        // missing: batchUpdate does not create it
OAuthMappingExtUtils.batchUpdate(state_id, update);

var big = "";
while (big.length < 300) big += "0123456789";
var stored = OAuthMappingExtUtils.associate(state_id, "profile_blob", big);

stsuu.addContextAttribute(new Attribute("tier", RESPONSE, OAuthMappingExtUtils.getAssociation(state_id, "tier")));
stsuu.addContextAttribute(new Attribute("region", RESPONSE, OAuthMappingExtUtils.getAssociation(state_id, "region")));
stsuu.addContextAttribute(new Attribute("nickname_saved", RESPONSE, "" + (OAuthMappingExtUtils.getAssociation(state_id, "nickname") != null)));
stsuu.addContextAttribute(new Attribute("blob_saved", RESPONSE, "" + stored));
