-- Issue 8: API keys for access control. Only the SHA-256 of each key is stored; the key is shown once.
CREATE TABLE api_keys (
  id           VARCHAR(32) NOT NULL PRIMARY KEY,
  name         VARCHAR(200) NOT NULL,
  scope        VARCHAR(10) NOT NULL,
  key_sha256   CHAR(64) NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  last_used_at TIMESTAMP WITH TIME ZONE,
  revoked_at   TIMESTAMP WITH TIME ZONE,
  replaced_by  VARCHAR(32)
);
CREATE UNIQUE INDEX api_keys_key_sha256 ON api_keys (key_sha256);
