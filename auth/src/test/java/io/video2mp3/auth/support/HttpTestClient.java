package io.video2mp3.auth.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.IntSupplier;

/** A plain HTTP/1.1 client against the service under test: no retries, no redirects, no magic. */
public final class HttpTestClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final IntSupplier port;

  /** The port is asked for at each request, so the client can be made before the server listens. */
  public HttpTestClient(IntSupplier port) {
    this.port = port;
  }

  public HttpResponse<String> get(String path, String... headers) {
    return send("GET", path, BodyPublishers.noBody(), headers);
  }

  public HttpResponse<String> post(String path, String... headers) {
    return send("POST", path, BodyPublishers.noBody(), headers);
  }

  public HttpResponse<String> postJson(String path, String json, String... headers) {
    String[] all = new String[headers.length + 2];
    System.arraycopy(headers, 0, all, 0, headers.length);
    all[headers.length] = "Content-Type";
    all[headers.length + 1] = "application/json";
    return send("POST", path, BodyPublishers.ofString(json), all);
  }

  public HttpResponse<String> delete(String path, String... headers) {
    return send("DELETE", path, BodyPublishers.noBody(), headers);
  }

  /** Logs in with HTTP Basic; returns the response (the token is its body on success). */
  public HttpResponse<String> login(String user, String password, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Authorization";
    all[1] = basic(user, password);
    System.arraycopy(headers, 0, all, 2, headers.length);
    return post("/login", all);
  }

  /** Logs in and returns the token, failing the test if the login fails. */
  public String token(String user, String password) {
    HttpResponse<String> response = login(user, password);
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "login of " + user + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  public HttpResponse<String> send(String method, String path, BodyPublisher body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.getAsInt() + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, body);
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return client.send(request.build(), BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The header's first value, or the empty string when the response has no such header. */
  public static String header(HttpResponse<?> response, String name) {
    return response.headers().firstValue(name).orElse("");
  }

  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public static String bearer(String token) {
    return "Bearer " + token;
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }
}
