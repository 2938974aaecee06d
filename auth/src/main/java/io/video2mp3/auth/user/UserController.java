package io.video2mp3.auth.user;

import io.video2mp3.auth.token.AdminOnly;
import io.video2mp3.auth.token.Authenticated;
import io.video2mp3.auth.token.BearerAuthentication;
import io.video2mp3.auth.token.BearerAuthInterceptor;
import io.video2mp3.auth.token.TokenClaims;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@RequestMapping("/users")
@Authenticated
class UserController {

  private final UserService users;

  UserController(UserService users) {
    this.users = users;
  }

  @AdminOnly
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<UserView> create(@Valid @RequestBody NewUserRequest request, UriComponentsBuilder uri) {
    User user = users.create(request.username(), request.email(), request.password(), request.admin());
    return ResponseEntity.created(uri.path("/users/{username}").build(user.username()))
        .body(UserView.of(user));
  }

  @AdminOnly
  @DeleteMapping("/{username}")
  ResponseEntity<Void> delete(@PathVariable String username) {
    users.delete(username);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/me")
  UserView me(@RequestAttribute(BearerAuthInterceptor.CALLER) TokenClaims caller) {
    // The interceptor refused tokens of deleted users; this covers a deletion since then.
    return users.findByUid(caller.uid())
        .map(UserView::of)
        .orElseThrow(() -> BearerAuthentication.invalidToken("the token's user no longer exists"));
  }
}
