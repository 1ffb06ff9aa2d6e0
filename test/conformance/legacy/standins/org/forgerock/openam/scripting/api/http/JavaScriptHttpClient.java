package org.forgerock.openam.scripting.api.http;

import org.forgerock.http.protocol.Request;
import org.forgerock.http.protocol.Response;
import org.forgerock.http.protocol.Status;
import org.forgerock.util.promise.PromiseImpl;

/** Stand-in for AM's legacy httpClient binding: answers as the http mocks of ../../scenario.json do. */
public final class JavaScriptHttpClient {
  public PromiseImpl<Response> send(Request request) {
    String key = request.getMethod() + " " + request.uriText();
    switch (key) {
      case "POST https://api.example.com/users":
        return new PromiseImpl<>(new Response(Status.CREATED,
            "{\"id\":42,\"name\":\"demo\",\"tags\":[\"a\",\"b\"],\"ok\":true,\"off\":false,\"ratio\":1.5,\"big\":3000000000,\"none\":null,\"nested\":{\"x\":\"y\"}}"));
      case "POST https://jsonplaceholder.typicode.com/posts":
        // The public service AM's default script example calls: 201 Created, the posted JSON echoed with an id.
        return new PromiseImpl<>(new Response(Status.CREATED, "{\"updatedFields\":{\"key2\":\"value2\",\"key3\":\"value3\"},\"id\":101}"));
      case "GET https://api.example.com/list":
        return new PromiseImpl<>(new Response(Status.OK, "[1,\"two\",{\"three\":3}]"));
      case "GET https://api.example.com/text":
        return new PromiseImpl<>(new Response(Status.OK, "not json"));
      default:
        return new PromiseImpl<>(new Response(Status.NOT_FOUND, "{\"error\":\"not_found\"}"));
    }
  }
}
