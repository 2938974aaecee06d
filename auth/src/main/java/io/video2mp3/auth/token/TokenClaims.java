package io.video2mp3.auth.token;

/**
 * The claims of a valid token, as {@code POST /validate} returns them. {@code uid} is the account's
 * immutable id (a username can be deleted and created again; a uid never comes back). {@code iat} and
 * {@code exp} are seconds since the epoch, as in the token itself (RFC 7519 NumericDate).
 */
public record TokenClaims(
    String sub, String uid, String email, boolean admin, long iat, long exp, String iss) {}
