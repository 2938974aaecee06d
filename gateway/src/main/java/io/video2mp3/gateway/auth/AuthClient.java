package io.video2mp3.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.video2mp3.gateway.config.GatewaySettings;
import io.video2mp3.gateway.error.ApiException;
import io.video2mp3.gateway.error.DependencyUnavailableException;
import io.video2mp3.gateway.error.DependencyUnavailableException.Dependency;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Talks to the auth service: forwards logins and validates bearer tokens. Valid tokens are cached
 * briefly (never past their {@code exp}) so that every request does not cost a round trip; that
 * {@code TOKEN_CACHE_TTL} is also how long a revoked token (deleted user, changed password) may still
 * be accepted here after auth starts refusing it.
 */
@Component
public class AuthClient {

  private static final int MAX_CACHED_TOKENS = 10_000;
  private static final int MAX_LOGIN_BODY_CHARS = 8_192;

  private final HttpClient http;
  private final ObjectMapper json;
  private final URI loginUri;
  private final URI validateUri;
  private final Duration timeout;
  private final Clock clock;
  private final Cache<String, ValidToken> validTokens;

  @Autowired
  public AuthClient(GatewaySettings settings, ObjectMapper json) {
    this(settings, json, Clock.systemUTC());
  }

  AuthClient(GatewaySettings settings, ObjectMapper json, Clock clock) {
    this.json = json;
    this.clock = clock;
    this.timeout = settings.dependencyTimeout();
    String base = settings.authUrl().toString().replaceAll("/+$", "");
    this.loginUri = URI.create(base + "/login");
    this.validateUri = URI.create(base + "/validate");
    this.http = HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    Duration ttl = settings.tokenCacheTtl();
    this.validTokens = Caffeine.newBuilder()
        .maximumSize(MAX_CACHED_TOKENS)
        .expireAfter(new Expiry<String, ValidToken>() {
          @Override
          public long expireAfterCreate(String key, ValidToken value, long currentTime) {
            long untilExpiry = Duration.between(clock.instant(), value.expiresAt()).toNanos();
            return Math.max(0, Math.min(ttl.toNanos(), untilExpiry));
          }

          @Override
          public long expireAfterUpdate(String key, ValidToken value, long currentTime, long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
          }

          @Override
          public long expireAfterRead(String key, ValidToken value, long currentTime, long currentDuration) {
            return currentDuration;
          }
        })
        .build();
  }

  /** The caller a bearer token stands for; 401 if auth refuses it, 503 if auth cannot be asked. */
  public Caller authenticate(String bearerToken) {
    ValidToken cached = validTokens.getIfPresent(bearerToken);
    if (cached != null && cached.expiresAt().isAfter(clock.instant())) {
      return cached.caller();
    }
    HttpResponse<String> response = send(HttpRequest.newBuilder(validateUri)
        .timeout(timeout)
        .header("Authorization", "Bearer " + bearerToken)
        .POST(HttpRequest.BodyPublishers.noBody())
        .build());
    if (response.statusCode() == 401 || response.statusCode() == 400) {
      throw ApiException.unauthorized("invalid or expired token");
    }
    if (response.statusCode() != 200) {
      throw new DependencyUnavailableException(Dependency.AUTH, "validate answered HTTP " + response.statusCode(), null);
    }
    ValidToken token = parseClaims(response.body());
    if (!token.expiresAt().isAfter(clock.instant())) {
      throw ApiException.unauthorized("invalid or expired token");
    }
    validTokens.put(bearerToken, token);
    return token.caller();
  }

  /** Forwards a login as is; auth's status, content type and body are the answer. */
  public LoginResult login(String authorization, String clientAddress) {
    HttpRequest.Builder request = HttpRequest.newBuilder(loginUri)
        .timeout(timeout)
        .POST(HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (clientAddress != null) {
      // auth throttles failed logins per client address; it believes this header from the gateway only
      // (AUTH_TRUSTED_PROXIES). One value: the address ClientAddresses resolved, never the client's own.
      request.header("X-Forwarded-For", clientAddress);
    }
    HttpResponse<String> response = send(request.build());
    if (response.statusCode() >= 500) {
      throw new DependencyUnavailableException(Dependency.AUTH, "login answered HTTP " + response.statusCode(), null);
    }
    String body = response.body();
    if (body.length() > MAX_LOGIN_BODY_CHARS) {
      body = body.substring(0, MAX_LOGIN_BODY_CHARS);
    }
    return new LoginResult(response.statusCode(),
        response.headers().firstValue("Content-Type").orElse("text/plain"),
        response.headers().firstValue("Retry-After"),
        body);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new DependencyUnavailableException(Dependency.AUTH, describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DependencyUnavailableException(Dependency.AUTH, "interrupted", e);
    }
  }

  private static String describe(IOException e) {
    if (e instanceof java.net.http.HttpTimeoutException) {
      return "no answer in time";
    }
    return e.getClass().getSimpleName();
  }

  private ValidToken parseClaims(String body) {
    try {
      JsonNode claims = json.readTree(body);
      String sub = claims.path("sub").asText(null);
      String uid = claims.path("uid").asText(null);
      long exp = claims.path("exp").asLong(0);
      if (sub == null || sub.isBlank() || uid == null || uid.isBlank() || exp <= 0) {
        throw new DependencyUnavailableException(Dependency.AUTH, "validate answered claims without sub, uid or exp", null);
      }
      Caller caller = new Caller(uid, sub, claims.path("email").asText(null), claims.path("admin").asBoolean(false));
      return new ValidToken(caller, Instant.ofEpochSecond(exp));
    } catch (IOException e) {
      throw new DependencyUnavailableException(Dependency.AUTH, "validate answered unreadable claims", e);
    }
  }

  private record ValidToken(Caller caller, Instant expiresAt) {
  }

  /** What auth answered to a login. */
  public record LoginResult(int status, String contentType, Optional<String> retryAfter, String body) {
  }
}
