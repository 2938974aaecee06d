package io.video2mp3.api.conversion;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.video2mp3.api.conversion.validation.SpecRules;

/**
 * The user a conversion belongs to. Ownership is {@code uid}, the account's immutable id from the
 * token: a username can be deleted and created again for someone else, a uid never comes back. A
 * conversion without a uid (created with kubectl) belongs to no user: only admins see it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Owner(
    @Required
    @Size(min = SpecRules.USERNAME_MIN_LENGTH, max = SpecRules.USERNAME_MAX_LENGTH)
    @JsonPropertyDescription("Login name of the owner (shown, never used to decide access).")
    String username,
    @Required
    @Size(min = SpecRules.EMAIL_MIN_LENGTH, max = SpecRules.EMAIL_MAX_LENGTH)
    @JsonPropertyDescription("Where the notifier sends the result.")
    String email,
    @Size(min = 1, max = 64)
    @JsonPropertyDescription("Immutable id of the owner's account, set by the gateway from the token. "
        + "Without it only admins see the conversion.")
    String uid) {

  @JsonCreator
  public Owner {
  }

  /** An owner without an account id (kubectl users, samples): visible to admins only. */
  public Owner(String username, String email) {
    this(username, email, null);
  }

  /** Whether this owner is the account {@code accountUid}; never true without a uid on both sides. */
  public boolean isAccount(String accountUid) {
    return uid != null && !uid.isBlank() && uid.equals(accountUid);
  }
}
