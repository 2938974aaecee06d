-- uid: the account's immutable id, carried in tokens and recorded as the owner of conversions. A random
-- UUID, never reused: a username deleted and created again is another account with another uid.
-- password_changed_at: tokens issued up to (and in the same second as) this UTC time are refused;
-- NULL while the password was never changed.
ALTER TABLE users
  ADD COLUMN uid CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER id,
  ADD COLUMN password_changed_at DATETIME(6) NULL;

UPDATE users SET uid = UUID() WHERE uid IS NULL;

ALTER TABLE users
  MODIFY uid CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  ADD CONSTRAINT uk_users_uid UNIQUE (uid);
