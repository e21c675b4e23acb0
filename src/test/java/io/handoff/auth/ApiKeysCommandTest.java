package io.handoff.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.cli.HandoffCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code api-keys create|list|revoke|rotate} against a database file, as an operator runs them. */
class ApiKeysCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  Run run(String db, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new HandoffCli());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of("api-keys", "--db", db));
    all.addAll(List.of(args));
    return new Run(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
  }

  String migratedDatabase() {
    String url = "jdbc:h2:file:" + dir.resolve("handoff");
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(url);
    ds.setUser("sa");
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    return url;
  }

  static String keyLine(String out) {
    return out.lines().filter(l -> l.startsWith(ApiKeyTokens.PREFIX)).findFirst().orElseThrow();
  }

  @Test
  void createListRotateAndRevokeWorkOnTheConfiguredDatabase() {
    String db = migratedDatabase();
    Run created = run(db, "create", "--name", "ops admin", "--scope", "admin");
    assertThat(created.code()).as(created.err()).isZero();
    String key = keyLine(created.out());
    String id = ApiKeyTokens.idOf(key);
    assertThat(created.out()).contains("shown this once");

    Run listed = run(db, "list");
    assertThat(listed.out()).contains(id, "admin", "active", "ops admin").doesNotContain(key.substring(14));

    Run rotated = run(db, "rotate", id);
    assertThat(rotated.code()).isZero();
    String fresh = keyLine(rotated.out());
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(db);
    ds.setUser("sa");
    ApiKeyStore store = new ApiKeyStore(ds);
    assertThat(store.verify(key)).isEmpty();
    assertThat(store.verify(fresh)).map(ApiKeyStore.ApiKey::scope).contains(Scope.ADMIN);
    assertThat(run(db, "list").out()).contains("rotated");

    assertThat(run(db, "revoke", ApiKeyTokens.idOf(fresh)).code()).isZero();
    assertThat(store.verify(fresh)).isEmpty();
  }

  @Test
  void badInputAndAnUnmigratedDatabaseAreExplained() {
    String db = migratedDatabase();
    Run badScope = run(db, "create", "--name", "x", "--scope", "root");
    assertThat(badScope.code()).isEqualTo(1);
    assertThat(badScope.err()).contains("--scope must be metrics, read, write or admin");
    Run unknown = run(db, "revoke", "0123456789");
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).contains("no API key with id 0123456789");
    Run empty = run("jdbc:h2:file:" + dir.resolve("empty"), "list");
    assertThat(empty.code()).isEqualTo(1);
    assertThat(empty.err()).contains("api_keys").contains("start Handoff once");
  }
}
