/** Member tables of the IBM Verify Access mapping-rule classes (engine/products/ibm/), converted from their name lists: not typed yet. */
import { untypedMembers } from "../members";

export const IBM_ATTRIBUTE_MEMBERS = untypedMembers("Attribute", ["getName", "getType", "getValues", "getValue", "addValue", "setValues", "toString", "valueOf"]);
export const IBM_ATTRIBUTE_CONTAINER_MEMBERS = untypedMembers("AttributeContainer", ["getAttributeValueByName", "getAttributeValueByNameAndType", "getAttributeValuesByName", "getAttributeValuesByNameAndType", "getAttributeByName", "getAttributeByNameAndType", "getAttributes", "getAttributeNames", "setAttribute", "addAttribute", "removeAttribute", "removeAttributeByName", "removeAttributeByNameAndType", "size", "isEmpty", "clear", "toString", "valueOf"]);
export const IBM_STSUU_MEMBERS = untypedMembers("STSUniversalUser", ["getAttributeContainer", "getContextAttributes", "getPrincipalAttributes", "addAttribute", "addContextAttribute", "addPrincipalAttribute", "getAttributeValueByName", "getAttributeValuesByName", "getPrincipalName", "setPrincipalName", "clear", "toString", "valueOf"]);
export const IBM_OAUTH_TOKEN_MEMBERS = untypedMembers("OAuthToken", ["getStateId", "getId", "getTokenId", "getUsername", "getClientId", "getScope", "getType", "getLifetime", "getDateCreated", "isExpired", "isEnabled", "toString", "valueOf"]);
export const IBM_ID_MAPPING_EXT_CACHE_MEMBERS = untypedMembers("IDMappingExtCache", ["put", "get", "getAndRemove", "remove", "exists", "toString", "valueOf"]);
export const IBM_OAUTH_CLIENT_MEMBERS = untypedMembers("OAuth20Client", ["getClientId", "getClientName", "isConfidential", "getExtendedData", "getOtherInfo", "toString", "valueOf"]);
