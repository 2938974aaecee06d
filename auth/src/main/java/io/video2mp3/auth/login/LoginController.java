package io.video2mp3.auth.login;

import io.video2mp3.auth.token.BearerAuthentication;
import io.video2mp3.auth.token.TokenClaims;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LoginController {

  private final LoginService login;
  private final BearerAuthentication bearer;
  private final ClientAddresses addresses;

  LoginController(LoginService login, BearerAuthentication bearer, ClientAddresses addresses) {
    this.login = login;
    this.bearer = bearer;
    this.addresses = addresses;
  }

  /**
   * The token as a plain-text body, as the original tutorial's clients read it. The client address is
   * the connection's, or the gateway's X-Forwarded-For when it comes from a trusted proxy (see
   * {@link ClientAddresses}).
   */
  @PostMapping("/login")
  ResponseEntity<String> login(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      HttpServletRequest request) {
    String token = login.login(authorization, addresses.of(request));
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .contentType(MediaType.TEXT_PLAIN)
        .body(token);
  }

  @PostMapping("/validate")
  ResponseEntity<TokenClaims> validate(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .contentType(MediaType.APPLICATION_JSON)
        .body(bearer.authenticate(authorization));
  }
}
