package io.handoff.ticket.builtin;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Fresh, migrated databases for repository tests: H2 in memory, or a new PostgreSQL schema. */
public final class TestDatabases {

  public static final String PG_URL_ENV = "HANDOFF_TEST_PG_URL";

  private TestDatabases() {}

  public static DataSource h2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:tickets-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    migrate(ds, null);
    return ds;
  }

  /** A schema of its own per call, so test runs never see each other's rows. */
  public static DataSource postgres() throws SQLException {
    String schema = "tickets_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(System.getenv(PG_URL_ENV));
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    ds.setCurrentSchema(schema);
    migrate(ds, schema);
    return ds;
  }

  /** Drops a schema made by {@link #postgres()}, with everything in it. */
  public static void dropPostgres(DataSource ds) throws SQLException {
    String schema = ((PGSimpleDataSource) ds).getCurrentSchema();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private static void migrate(DataSource ds, String schema) {
    var config = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
    if (schema != null) {
      config = config.schemas(schema).defaultSchema(schema);
    }
    config.load().migrate();
  }
}
