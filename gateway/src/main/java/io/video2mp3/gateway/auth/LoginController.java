package io.video2mp3.gateway.auth;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /login}: HTTP Basic forwarded to auth; its answer (the JWT as plain text) comes back as is. */
@RestController
class LoginController {

  private final AuthClient auth;
  private final ClientAddresses addresses;

  LoginController(AuthClient auth, ClientAddresses addresses) {
    this.auth = auth;
    this.addresses = addresses;
  }

  @Operation(summary = "Log in with HTTP Basic (username or email); the JWT comes back as plain text")
  @PostMapping("/login")
  ResponseEntity<String> login(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      HttpServletRequest request) {
    AuthClient.LoginResult result = auth.login(authorization, addresses.of(request));
    ResponseEntity.BodyBuilder response = ResponseEntity.status(result.status())
        .cacheControl(CacheControl.noStore())
        .contentType(MediaType.parseMediaType(result.contentType()));
    result.retryAfter().ifPresent(value -> response.header(HttpHeaders.RETRY_AFTER, value));
    return response.body(result.body());
  }
}
