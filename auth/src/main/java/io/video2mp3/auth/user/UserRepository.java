package io.video2mp3.auth.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code users} table. {@code created_at} is a UTC {@code DATETIME}: converted here explicitly so
 * that neither the server's nor the JVM's time zone changes what is stored.
 */
@Repository
class UserRepository {

  private static final String COLUMNS =
      "id, uid, username, email, password_hash, admin, created_at, password_changed_at";

  private final JdbcClient jdbc;

  UserRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // Lookups compare with the table's case-insensitive collation: "Alice" finds "alice".
  Optional<User> findByUsername(String username) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE username = ?")
        .param(username)
        .query(UserRepository::map)
        .optional();
  }

  Optional<User> findByUid(String uid) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE uid = ?")
        .param(uid)
        .query(UserRepository::map)
        .optional();
  }

  Optional<User> findByEmail(String email) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email = ?")
        .param(email)
        .query(UserRepository::map)
        .optional();
  }

  /**
   * @throws org.springframework.dao.DuplicateKeyException when the username or email is taken
   */
  User insert(
      String uid, String username, String email, String passwordHash, boolean admin, Instant createdAt) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO users (uid, username, email, password_hash, admin, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(uid, username, email, passwordHash, admin, utc(createdAt))
        .update(keys, "id");
    return new User(keys.getKey().longValue(), uid, username, email, passwordHash, admin, createdAt, null);
  }

  /** Replaces the hash and records when; false when the account no longer exists. */
  boolean updatePassword(String uid, String passwordHash, Instant changedAt) {
    return jdbc.sql("UPDATE users SET password_hash = ?, password_changed_at = ? WHERE uid = ?")
            .params(passwordHash, utc(changedAt), uid)
            .update()
        > 0;
  }

  boolean deleteByUsername(String username) {
    return jdbc.sql("DELETE FROM users WHERE username = ?").param(username).update() > 0;
  }

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static User map(ResultSet rs, int row) throws SQLException {
    LocalDateTime passwordChangedAt = rs.getObject("password_changed_at", LocalDateTime.class);
    return new User(
        rs.getLong("id"),
        rs.getString("uid"),
        rs.getString("username"),
        rs.getString("email"),
        rs.getString("password_hash"),
        rs.getBoolean("admin"),
        rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
        passwordChangedAt == null ? null : passwordChangedAt.toInstant(ZoneOffset.UTC));
  }
}
