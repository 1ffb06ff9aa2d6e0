// use httpclient to call external API
var options = {
  method: "GET",
  headers: {
    "Content-Type": "application/json; charset=UTF-8"
  }
};
var response = httpClient.send("https://dummyjson.com/ip", options).get();
if (response.status === 200) {
	var ipInfo = response.json();
  // add values to the token
  accessToken.setField("browser", ipInfo.userAgent);
  accessToken.setField('ip', ipInfo.ip);

} else {
  logger.error("Error getting IP and browser info: " + response.statusText);
}

// set a shorter expiry time
var newExpiry = Date.now() + 300000;
accessToken.setExpiryTime(newExpiry);

// update profile data using the openidm binding
var userID = identity.getAttributeValues("_id")[0];
var user = openidm.read("managed/alpha_user/" + userID);
user.description = "New access token expiry time: " + newExpiry;
var updatedUser = openidm.update("managed/alpha_user/" + userID, null, user);

// use utils binding to get random values
var uids = [0,0,0];
utils.crypto.getRandomValues(uids);

// add values to be returned in the JSON response
accessToken.addExtraJsonData('uids', uids);
