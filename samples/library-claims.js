// Next-generation: shared logic lives in a library script, loaded with require().
var helpers = require('claim-helpers');

accessToken.setField('email', helpers.normalizeEmail(identity.getAttributeValues('mail')[0]));
accessToken.setField('department', helpers.departmentFromGroups(identity.getAttributeValues('memberOf')));
logger.debug('library sees accessToken: {}', helpers.canSeeAccessToken);
