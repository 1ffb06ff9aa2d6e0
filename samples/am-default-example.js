/*
 * AM's default legacy access-token modification script with its commented example turned on
 * (reference §2): a fixed field, fields fetched with a CHF POST, identity attributes and a session
 * property. Written from the description of the default script, not copied from it.
 */
(function () {
    var frJava = JavaImporter(
        org.forgerock.http.protocol.Request,
        org.forgerock.http.protocol.Response
    );

    accessToken.setField('key1', 'value1');

    var uri = 'https://jsonplaceholder.typicode.com/posts';
    try {
        var request = new frJava.Request();
        request.setUri(uri);
        request.setMethod('POST');
        request.getHeaders().add('Content-Type', 'application/json; charset=UTF-8');
        request.setEntity(JSON.stringify({ updatedFields: { key2: 'value2', key3: 'value3' } }));

        var response = httpClient.send(request).getOrThrow();
        if (response.getStatus() === org.forgerock.http.protocol.Status.CREATED) {
            var result = JSON.parse(response.getEntity().getString());
            accessToken.setFields(result.updatedFields);
        } else {
            logger.error('Unable to obtain access token modifications. Status: ' + response.getStatus() + '. Content: ' + response.getEntity().getString());
        }
    } catch (e) {
        logger.error('The request processing was interrupted. ' + e);
        // A thrown error fails the token request (HTTP 500 in AM).
        throw ('The request could not be processed: ' + e);
    }

    accessToken.setField('mail', identity.getAttribute('mail'));
    accessToken.setField('phone', identity.getAttribute('telephoneNumber').toArray()[0]);

    if (session) {
        accessToken.setField('ipAddress', session.getProperty('Host'));
    }
}());
