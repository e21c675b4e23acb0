package io.handoff.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.handoff.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** API keys at rest, on H2 and (with HANDOFF_TEST_PG_URL) PostgreSQL: hashes only, lifecycle, last use. */
class ApiKeyStoreTest {
  static Stream<TestDatabases.Db> databases() {
    return TestDatabases.all().stream();
  }

  /** Every value of every api_keys row, as text. */
  static List<String> rowValues(DataSource ds) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery("SELECT * FROM api_keys")) {
      while (rs.next()) {
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          out.add(String.valueOf(rs.getObject(i)));
        }
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void theDatabaseHoldsTheKeysHashNeverTheKey(TestDatabases.Db db) throws SQLException {
    ApiKeyStore.Created created = new ApiKeyStore(db.dataSource()).create("ci", Scope.WRITE);
    String secret = created.token().substring(ApiKeyTokens.PREFIX.length() + ApiKeyTokens.ID_LENGTH + 1);
    List<String> values = rowValues(db.dataSource());
    assertThat(values).noneMatch(v -> v.contains(secret)).noneMatch(v -> v.contains(created.token()));
    assertThat(values).contains(ApiKeyTokens.sha256(created.token()), created.key().id(), "ci", "write");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void onlyTheExactActiveKeyVerifies(TestDatabases.Db db) {
    ApiKeyStore store = new ApiKeyStore(db.dataSource());
    ApiKeyStore.Created created = store.create("reader", Scope.READ);
    assertThat(store.verify(created.token())).map(ApiKeyStore.ApiKey::scope).contains(Scope.READ);
    String token = created.token();
    char last = token.charAt(token.length() - 1);
    assertThat(store.verify(token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'))).isEmpty();
    assertThat(store.verify("hk_0000000000_" + token.substring(14))).isEmpty();
    assertThat(store.verify("not-a-key")).isEmpty();
    assertThat(store.revoke(created.key().id())).map(ApiKeyStore.ApiKey::active).contains(false);
    assertThat(store.verify(token)).isEmpty();
    assertThat(store.revoke("nosuchkey0")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void rotationIssuesANewKeyAndRevokesTheOld(TestDatabases.Db db) {
    ApiKeyStore store = new ApiKeyStore(db.dataSource());
    ApiKeyStore.Created old = store.create("zendesk bridge", Scope.WRITE);
    ApiKeyStore.Created next = store.rotate(old.key().id()).orElseThrow();
    assertThat(next.key().name()).isEqualTo("zendesk bridge");
    assertThat(next.key().scope()).isEqualTo(Scope.WRITE);
    assertThat(store.verify(next.token())).isPresent();
    assertThat(store.verify(old.token())).isEmpty();
    assertThat(store.find(old.key().id()).orElseThrow().replacedBy()).isEqualTo(next.key().id());
    assertThatThrownBy(() -> store.rotate(old.key().id())).hasMessageContaining("revoked");
    assertThat(store.rotate("nosuchkey0")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void lastUseIsRecordedAtMostOncePerMinute(TestDatabases.Db db) {
    Instant t0 = Instant.parse("2026-11-25T09:00:00Z");
    ApiKeyStore.Created created = new ApiKeyStore(db.dataSource(), Clock.fixed(t0, ZoneOffset.UTC))
        .create("dash", Scope.READ);
    new ApiKeyStore(db.dataSource(), Clock.fixed(t0.plusSeconds(5), ZoneOffset.UTC)).verify(created.token());
    new ApiKeyStore(db.dataSource(), Clock.fixed(t0.plusSeconds(30), ZoneOffset.UTC)).verify(created.token());
    ApiKeyStore store = new ApiKeyStore(db.dataSource());
    assertThat(store.find(created.key().id()).orElseThrow().lastUsedAt()).isEqualTo(t0.plusSeconds(5));
    new ApiKeyStore(db.dataSource(), Clock.fixed(t0.plus(Duration.ofMinutes(2)), ZoneOffset.UTC))
        .verify(created.token());
    assertThat(store.find(created.key().id()).orElseThrow().lastUsedAt()).isEqualTo(t0.plus(Duration.ofMinutes(2)));
  }
}
