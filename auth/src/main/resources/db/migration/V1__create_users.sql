-- Case-insensitive collation on purpose: "Alice" and "alice" are the same username, and
-- "Bob@Example.com" and "bob@example.com" the same email, both for uniqueness and for login.
CREATE TABLE users (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  username      VARCHAR(64)  NOT NULL,
  email         VARCHAR(254) NOT NULL,
  -- BCrypt hashes are 60 characters; room for a stronger algorithm later.
  password_hash VARCHAR(255) NOT NULL,
  admin         BOOLEAN      NOT NULL DEFAULT FALSE,
  -- UTC, written by the application (DATETIME has no time zone and no 2038 limit).
  created_at    DATETIME(6)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_users_username UNIQUE (username),
  CONSTRAINT uk_users_email UNIQUE (email)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
