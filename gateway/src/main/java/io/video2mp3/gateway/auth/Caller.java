package io.video2mp3.gateway.auth;

import io.video2mp3.api.conversion.Owner;

/**
 * The user a request acts for, from a token auth has validated. {@code uid} is the account's immutable
 * id: access follows it, never the username, which can be deleted and created again for someone else.
 */
public record Caller(String uid, String username, String email, boolean admin) {

  /** The request attribute the bearer interceptor stores the caller under. */
  public static final String ATTRIBUTE = Caller.class.getName();

  public Owner asOwner() {
    return new Owner(username, email, uid);
  }

  /**
   * Whether this caller may see a conversion owned by {@code owner}: admins all, others only their own
   * account's. An owner recorded without a uid (kubectl, samples) is nobody's: admins only.
   */
  public boolean maySee(Owner owner) {
    return admin || (owner != null && owner.isAccount(uid));
  }
}
