package io.video2mp3.auth.token;

import java.util.Optional;

/**
 * Whether the account a well-signed token names still accepts it. Implemented by the user store, so
 * that this package needs nothing of it.
 */
public interface TokenRevocation {

  /** Empty while the token stands; else why it no longer does (safe to show the client). */
  Optional<String> revokedBecause(TokenClaims claims);
}
