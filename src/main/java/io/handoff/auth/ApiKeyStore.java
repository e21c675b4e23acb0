package io.handoff.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

  private final DataSource dataSource;
  private final Clock clock;

  public ApiKeyStore(DataSource dataSource) {
    this(dataSource, Clock.systemUTC());
  }

  public ApiKeyStore(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
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
    try (Connection c = dataSource.getConnection()) {
      return insert(c, name, scope);
    } catch (SQLException e) {
      throw failure("creating an API key", e);
    }
  }

  public List<ApiKey> list() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_keys ORDER BY created_at, id");
        ResultSet rs = ps.executeQuery()) {
      List<ApiKey> out = new ArrayList<>();
      while (rs.next()) {
        out.add(row(rs));
      }
      return out;
    } catch (SQLException e) {
      throw failure("listing API keys", e);
    }
  }

  public Optional<ApiKey> find(String id) {
    try (Connection c = dataSource.getConnection()) {
      return find(c, id);
    } catch (SQLException e) {
      throw failure("reading an API key", e);
    }
  }

  /** Revokes a key (a revoked key stays revoked); empty when there is no such key. */
  public Optional<ApiKey> revoke(String id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
      ps.setObject(1, now());
      ps.setString(2, id);
      ps.executeUpdate();
      return find(c, id);
    } catch (SQLException e) {
      throw failure("revoking an API key", e);
    }
  }

  /**
   * Rotation: a new key with the same name and scope, and the old one revoked, in one transaction.
   * Empty when there is no such key; refused when it is already revoked.
   */
  public Optional<Created> rotate(String id) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Optional<ApiKey> old = find(c, id);
        if (old.isEmpty()) {
          return Optional.empty();
        }
        if (!old.get().active()) {
          throw new IllegalArgumentException("API key " + id + " is revoked; create a new key instead");
        }
        Created next = insert(c, old.get().name(), old.get().scope());
        try (PreparedStatement ps = c.prepareStatement(
            "UPDATE api_keys SET revoked_at = ?, replaced_by = ? WHERE id = ? AND revoked_at IS NULL")) {
          ps.setObject(1, now());
          ps.setString(2, next.key().id());
          ps.setString(3, id);
          if (ps.executeUpdate() != 1) {
            throw new IllegalArgumentException("API key " + id + " was revoked meanwhile");
          }
        }
        c.commit();
        return Optional.of(next);
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failure("rotating an API key", e);
    }
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
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", key_sha256 FROM api_keys WHERE id = ?")) {
      ps.setString(1, id);
      ApiKey key;
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || !ApiKeyTokens.sameDigest(rs.getString("key_sha256"), ApiKeyTokens.sha256(token))) {
          return Optional.empty();
        }
        key = row(rs);
      }
      if (!key.active()) {
        return Optional.empty();
      }
      Instant now = clock.instant();
      if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))) {
        try (PreparedStatement up = c.prepareStatement("UPDATE api_keys SET last_used_at = ? WHERE id = ?")) {
          up.setObject(1, now.atOffset(ZoneOffset.UTC));
          up.setString(2, id);
          up.executeUpdate();
        }
      }
      return Optional.of(key);
    } catch (SQLException e) {
      throw failure("checking an API key", e);
    }
  }

  private Created insert(Connection c, String name, Scope scope) throws SQLException {
    ApiKeyTokens.Minted minted = ApiKeyTokens.mint();
    OffsetDateTime now = now();
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO api_keys (id, name, scope, key_sha256, created_at) VALUES (?,?,?,?,?)")) {
      ps.setString(1, minted.id());
      ps.setString(2, name);
      ps.setString(3, scope.label());
      ps.setString(4, ApiKeyTokens.sha256(minted.token()));
      ps.setObject(5, now);
      ps.executeUpdate();
    }
    return new Created(new ApiKey(minted.id(), name, scope, now.toInstant(), null, null, null), minted.token());
  }

  private static Optional<ApiKey> find(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_keys WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    }
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

  private static IllegalStateException failure(String what, SQLException e) {
    return new IllegalStateException(what + " failed: " + e.getMessage(), e);
  }
}
