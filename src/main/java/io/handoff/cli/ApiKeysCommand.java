package io.handoff.cli;

import io.handoff.auth.ApiKeyStore;
import io.handoff.auth.Scope;
import io.handoff.routing.JournalConversations;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code api-keys}: manages API keys in Handoff's database, the same rows /api/admin/api-keys manages.
 * The database defaults to the service's: {@code HANDOFF_DB_URL} (with {@code HANDOFF_DB_USER},
 * {@code HANDOFF_DB_PASSWORD}) when set, otherwise the embedded H2 file under {@code HANDOFF_DATA_DIR}
 * (./data), which only one process can open at a time.
 */
@Command(name = "api-keys", mixinStandardHelpOptions = true,
    description = "Create, list, revoke and rotate API keys in Handoff's database.",
    subcommands = {ApiKeysCommand.Create.class, ApiKeysCommand.ListKeys.class, ApiKeysCommand.Revoke.class,
      ApiKeysCommand.Rotate.class})
public class ApiKeysCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(names = "--db", description = "JDBC URL (default: $HANDOFF_DB_URL, else jdbc:h2:file:$HANDOFF_DATA_DIR/handoff).")
  String db;

  @Option(names = "--db-user", description = "Database user (default: $HANDOFF_DB_USER).")
  String dbUser;

  @Option(names = "--db-password", description = "Database password (default: $HANDOFF_DB_PASSWORD).")
  String dbPassword;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  ApiKeyStore store() throws SQLException {
    String url = Optional.ofNullable(db).or(() -> env("HANDOFF_DB_URL"))
        .orElse("jdbc:h2:file:" + env("HANDOFF_DATA_DIR").orElse("./data") + "/handoff");
    DataSource ds = JournalConversations.dataSource(url, Optional.ofNullable(dbUser).or(() -> env("HANDOFF_DB_USER"))
        .orElse(null), Optional.ofNullable(dbPassword).or(() -> env("HANDOFF_DB_PASSWORD")).orElse(null));
    try (Connection c = ds.getConnection(); var st = c.createStatement()) {
      st.executeQuery("SELECT id FROM api_keys WHERE 1 = 0").close();
    } catch (SQLException e) {
      throw new SQLException("cannot read the api_keys table of " + url + " (" + e.getMessage() + "); if the"
          + " database is new, start Handoff once against it so its migrations run", e);
    }
    return new ApiKeyStore(ds);
  }

  private static Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
  }

  /** Runs one key operation, turning database failures into a message and exit status 1. */
  abstract static class KeyCommand implements Callable<Integer> {
    @ParentCommand ApiKeysCommand parent;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try {
        return run(parent.store(), spec.commandLine().getOut(), spec.commandLine().getErr());
      } catch (SQLException | IllegalStateException | IllegalArgumentException e) {
        spec.commandLine().getErr().println(e.getMessage());
        return 1;
      } finally {
        spec.commandLine().getOut().flush();
      }
    }

    abstract int run(ApiKeyStore keys, PrintWriter out, PrintWriter err);

    static void printCreated(PrintWriter out, ApiKeyStore.Created c) {
      out.printf("%s  %s  %s%n", c.key().id(), c.key().scope().label(), c.key().name());
      out.println(c.token());
      out.println("The key is shown this once; Handoff keeps only its SHA-256.");
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a key; prints it once.")
  static class Create extends KeyCommand {
    @Option(names = "--name", required = true, description = "Who or what uses the key.") String name;
    @Option(names = "--scope", required = true, description = "metrics, read, write or admin.") String scope;

    @Override
    int run(ApiKeyStore keys, PrintWriter out, PrintWriter err) {
      Optional<Scope> s = Scope.parse(scope);
      if (s.isEmpty() || name.isBlank()) {
        err.println(s.isEmpty() ? "--scope must be metrics, read, write or admin, not " + scope : "--name must not be blank");
        return 1;
      }
      printCreated(out, keys.create(name.trim(), s.get()));
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys (never their secrets).")
  static class ListKeys extends KeyCommand {
    @Override
    int run(ApiKeyStore keys, PrintWriter out, PrintWriter err) {
      out.printf("%-10s %-6s %-8s %-24s %-24s %s%n", "id", "scope", "state", "created", "last used", "name");
      for (ApiKeyStore.ApiKey k : keys.list()) {
        String state = k.active() ? "active" : k.replacedBy() != null ? "rotated" : "revoked";
        out.printf("%-10s %-6s %-8s %-24s %-24s %s%n", k.id(), k.scope().label(), state, k.createdAt(),
            k.lastUsedAt() == null ? "-" : k.lastUsedAt(), k.name());
      }
      return 0;
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key at once.")
  static class Revoke extends KeyCommand {
    @Parameters(index = "0", description = "Key id (the 10 characters after hk_).") String id;

    @Override
    int run(ApiKeyStore keys, PrintWriter out, PrintWriter err) {
      Optional<ApiKeyStore.ApiKey> k = keys.revoke(id);
      if (k.isEmpty()) {
        err.println("no API key with id " + id);
        return 1;
      }
      out.println("revoked " + id + " (" + k.get().name() + ")");
      return 0;
    }
  }

  @Command(name = "rotate", mixinStandardHelpOptions = true,
      description = "Create a key with the same name and scope and revoke the old one; prints the new key once.")
  static class Rotate extends KeyCommand {
    @Parameters(index = "0", description = "Id of the key to replace.") String id;

    @Override
    int run(ApiKeyStore keys, PrintWriter out, PrintWriter err) {
      Optional<ApiKeyStore.Created> next = keys.rotate(id);
      if (next.isEmpty()) {
        err.println("no API key with id " + id);
        return 1;
      }
      out.println("revoked " + id + ", replaced by:");
      printCreated(out, next.get());
      return 0;
    }
  }
}
