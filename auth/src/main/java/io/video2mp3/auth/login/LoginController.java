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

  LoginController(LoginService login, BearerAuthentication bearer) {
    this.login = login;
    this.bearer = bearer;
  }

  /**
   * The token as a plain-text body, as the original tutorial's clients read it. The client address is
   * the connection's, or X-Forwarded-For's when a trusted proxy (the gateway) sent the request: see
   * {@code server.forward-headers-strategy}.
   */
  @PostMapping("/login")
  ResponseEntity<String> login(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      HttpServletRequest request) {
    String token = login.login(authorization, request.getRemoteAddr());
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
