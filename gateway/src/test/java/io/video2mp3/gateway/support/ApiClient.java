package io.video2mp3.gateway.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The requests a client of the gateway sends, as plain HTTP: no retries, no redirects. */
public final class ApiClient {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final GatewayInstance gateway;

  public ApiClient(GatewayInstance gateway) {
    this.gateway = gateway;
  }

  /** {@code POST /login} with HTTP Basic and, when not null, an {@code X-Forwarded-For} of the client's making. */
  public HttpResponse<String> login(String username, String password, String forwardedFor) throws Exception {
    String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request = HttpRequest.newBuilder(gateway.url("/login"))
        .header("Authorization", "Basic " + basic).POST(HttpRequest.BodyPublishers.noBody());
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A token, failing the test when the login does not succeed. */
  public String token(String username, String password) throws Exception {
    HttpResponse<String> response = login(username, password, null);
    if (response.statusCode() != 200) {
      throw new AssertionError("login of " + username + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body().trim();
  }

  public HttpResponse<String> upload(String path, String token, String contentType,
      HttpRequest.BodyPublisher body) throws Exception {
    return http.send(HttpRequest.newBuilder(gateway.url(path)).header("Authorization", "Bearer " + token)
        .header("Content-Type", contentType).POST(body).build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> upload(String token, Multipart body) throws Exception {
    return upload("/api/v1/conversions", token, body.contentType(), body.publisher());
  }

  public HttpResponse<String> get(String path, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(gateway.url(path)).header("Authorization", "Bearer " + token).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> delete(String path, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(gateway.url(path)).header("Authorization", "Bearer " + token).DELETE()
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A request without credentials (actuator, the page). */
  public HttpResponse<String> anonymous(URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
