package io.handoff.auth;

import io.handoff.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * API keys in Handoff's database ({@code api_keys}, migration V9): name, scope, the SHA-256 of the key
 * and its lifecycle. The key itself is never stored; it is returned once by {@link #create} and
 * {@link #rotate}.
 */
public class ApiKeyStore {
  /** last_used_at is refreshed at most this often per key, so reads do not write on every request. */
  static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
  private static final String COLUMNS = "id, name, scope, created_at, last_used_at, revoked_at, replaced_by";

  private final Jdbc jdbc;
  private final Clock clock;

  public ApiKeyStore(DataSource dataSource) {
    this(dataSource, Clock.systemUTC());
  }

  public ApiKeyStore(DataSource dataSource, Clock clock) {
    this.jdbc = new Jdbc(dataSource);
    this.clock = clock;
  }

  /** A key's record, without any secret. */
  public record ApiKey(String id, String name, Scope scope, Instant createdAt, Instant lastUsedAt,
      Instant revokedAt, String replacedBy) {
    public boolean active() {
      return revokedAt == null;
    }

    /** What identifies the key in lists and logs: the first characters of the key string. */
    public String prefix() {
      return ApiKeyTokens.PREFIX + id;
    }
  }

  /** A key just made: its record and the key string, which is shown this once. */
  public record Created(ApiKey key, String token) {}

  /** Whether a key name holds control characters (line breaks would forge log lines). */
  public static boolean hasControlCharacters(String name) {
    return name.chars().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029);
  }

  public Created create(String name, Scope scope) {
    if (hasControlCharacters(name)) {
      throw new IllegalArgumentException("an API key name must not contain line breaks or other control characters");
    }
    return jdbc.withConnection("creating an API key", c -> insert(c, name, scope));
  }

  public List<ApiKey> list() {
    return jdbc.list("listing API keys", "SELECT " + COLUMNS + " FROM api_keys ORDER BY created_at, id",
        ApiKeyStore::row);
  }

  public Optional<ApiKey> find(String id) {
    return jdbc.withConnection("reading an API key", c -> find(c, id));
  }

  /** Revokes a key (a revoked key stays revoked); empty when there is no such key. */
  public Optional<ApiKey> revoke(String id) {
    return jdbc.withConnection("revoking an API key", c -> {
      Jdbc.update(c, "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", Jdbc.values(now(), id));
      return find(c, id);
    });
  }

  /**
   * Rotation: a new key with the same name and scope, and the old one revoked, in one transaction.
   * Empty when there is no such key; refused when it is already revoked.
   */
  public Optional<Created> rotate(String id) {
    return jdbc.inTransaction("rotating an API key", c -> {
      Optional<ApiKey> old = find(c, id);
      if (old.isEmpty()) {
        return Optional.empty();
      }
      if (!old.get().active()) {
        throw new IllegalArgumentException("API key " + id + " is revoked; create a new key instead");
      }
      Created next = insert(c, old.get().name(), old.get().scope());
      int revoked = Jdbc.update(c, "UPDATE api_keys SET revoked_at = ?, replaced_by = ? WHERE id = ? AND revoked_at IS NULL",
          Jdbc.values(now(), next.key().id(), id));
      if (revoked != 1) {
        throw new IllegalArgumentException("API key " + id + " was revoked meanwhile");
      }
      return Optional.of(next);
    });
  }

  /**
   * The active key this key string belongs to, or empty (malformed, unknown, wrong secret, revoked).
   * Records the use, at most once per {@link #LAST_USED_PRECISION}.
   */
  public Optional<ApiKey> verify(String token) {
    String id = ApiKeyTokens.idOf(token);
    if (id == null) {
      return Optional.empty();
    }
    return jdbc.withConnection("checking an API key", c -> {
      Optional<ApiKey> found = Jdbc.first(c, "SELECT " + COLUMNS + ", key_sha256 FROM api_keys WHERE id = ?",
          rs -> ApiKeyTokens.sameDigest(rs.getString("key_sha256"), ApiKeyTokens.sha256(token)) ? row(rs) : null,
          Jdbc.values(id));
      if (found.isEmpty() || !found.get().active()) {
        return Optional.empty();
      }
      ApiKey key = found.get();
      Instant now = clock.instant();
      if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))) {
        Jdbc.update(c, "UPDATE api_keys SET last_used_at = ? WHERE id = ?", Jdbc.values(now, id));
      }
      return Optional.of(key);
    });
  }

  private Created insert(Connection c, String name, Scope scope) throws SQLException {
    ApiKeyTokens.Minted minted = ApiKeyTokens.mint();
    OffsetDateTime now = now();
    Jdbc.update(c, "INSERT INTO api_keys (id, name, scope, key_sha256, created_at) VALUES (?,?,?,?,?)",
        Jdbc.values(minted.id(), name, scope.label(), ApiKeyTokens.sha256(minted.token()), now));
    return new Created(new ApiKey(minted.id(), name, scope, now.toInstant(), null, null, null), minted.token());
  }

  private static Optional<ApiKey> find(Connection c, String id) throws SQLException {
    return Jdbc.first(c, "SELECT " + COLUMNS + " FROM api_keys WHERE id = ?", ApiKeyStore::row, Jdbc.values(id));
  }

  private static ApiKey row(ResultSet rs) throws SQLException {
    return new ApiKey(rs.getString("id"), rs.getString("name"),
        Scope.parse(rs.getString("scope")).orElseThrow(() -> new SQLException("unknown scope in api_keys")),
        instant(rs, "created_at"), instant(rs, "last_used_at"), instant(rs, "revoked_at"), rs.getString("replaced_by"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private OffsetDateTime now() {
    return clock.instant().atOffset(ZoneOffset.UTC);
  }
}
