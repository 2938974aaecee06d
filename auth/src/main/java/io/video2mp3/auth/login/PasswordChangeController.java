package io.video2mp3.auth.login;

import io.video2mp3.auth.error.ApiException;
import io.video2mp3.auth.token.Authenticated;
import io.video2mp3.auth.token.BearerAuthInterceptor;
import io.video2mp3.auth.token.BearerAuthentication;
import io.video2mp3.auth.token.TokenClaims;
import io.video2mp3.auth.user.User;
import io.video2mp3.auth.user.UserService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /users/me/password}: the caller changes their own password, proving they know the current
 * one. Every token issued before the change (this request's one included) is refused from then on.
 */
@RestController
class PasswordChangeController {

  private final LoginService login;
  private final UserService users;
  private final ClientAddresses addresses;

  PasswordChangeController(LoginService login, UserService users, ClientAddresses addresses) {
    this.login = login;
    this.users = users;
    this.addresses = addresses;
  }

  @Authenticated
  @PutMapping(path = "/users/me/password", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> change(
      @RequestAttribute(BearerAuthInterceptor.CALLER) TokenClaims caller,
      @Valid @RequestBody PasswordChangeRequest request,
      HttpServletRequest http) {
    User user = users.findByUid(caller.uid())
        .orElseThrow(() -> BearerAuthentication.invalidToken("the token's user no longer exists"));
    if (!login.checkPassword(user, request.currentPassword(), addresses.of(http))) {
      throw ApiException.forbidden("currentPassword: does not match");
    }
    users.changePassword(user, request.newPassword());
    return ResponseEntity.noContent().build();
  }
}
