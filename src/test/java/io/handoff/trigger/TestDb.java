package io.handoff.trigger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** A fresh in-memory H2 database with the outbox migration applied. */
public final class TestDb {

  private TestDb() {}

  public static DataSource fresh() throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    String sql = Files.readString(Path.of("src/main/resources/db/migration/V3__outbox.sql"));
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      for (String statement : sql.replaceAll("(?m)^--.*$", "").split(";")) {
        if (!statement.isBlank()) {
          s.execute(statement);
        }
      }
    }
    return ds;
  }
}
