package io.video2mp3.gateway.auth;

import io.video2mp3.api.conversion.Owner;

/** The user a request acts for, from a token auth has validated. */
public record Caller(String username, String email, boolean admin) {

  /** The request attribute the bearer interceptor stores the caller under. */
  public static final String ATTRIBUTE = Caller.class.getName();

  public Owner asOwner() {
    return new Owner(username, email);
  }

  /** Whether this caller may see a conversion owned by {@code owner}. */
  public boolean maySee(Owner owner) {
    return admin || (owner != null && username.equals(owner.username()));
  }
}
