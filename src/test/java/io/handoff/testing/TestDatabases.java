package io.handoff.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Databases for repository tests: H2 always, and PostgreSQL when {@code HANDOFF_TEST_PG_URL} gives a
 * JDBC URL (`.ci/run` sets it when a server answers on 127.0.0.1:5432). Each call gets a fresh schema
 * migrated with the real Flyway migrations.
 */
public final class TestDatabases {
  private TestDatabases() {}

  /** A named, migrated database; the name shows in parameterized test names. */
  public record Db(String name, DataSource dataSource) {
    @Override
    public String toString() {
      return name;
    }
  }

  public static List<Db> all() {
    List<Db> dbs = new ArrayList<>();
    dbs.add(h2());
    String pg = System.getenv("HANDOFF_TEST_PG_URL");
    if (pg != null && !pg.isBlank()) {
      dbs.add(postgres(pg));
    }
    return dbs;
  }

  public static Db h2() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    migrate(ds, null);
    return new Db("h2", ds);
  }

  public static Db postgres(String url) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    migrate(ds, schema);
    ds.setCurrentSchema(schema);
    return new Db("postgresql", ds);
  }

  private static void migrate(DataSource ds, String schema) {
    var conf = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
    if (schema != null) {
      conf.schemas(schema).createSchemas(true);
    }
    conf.load().migrate();
  }
}
