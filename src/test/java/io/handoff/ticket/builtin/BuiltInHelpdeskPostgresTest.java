package io.handoff.ticket.builtin;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The built-in helpdesk on PostgreSQL, when {@code HANDOFF_TEST_PG_URL} names a server. */
@EnabledIfEnvironmentVariable(named = TestDatabases.PG_URL_ENV, matches = "jdbc:postgresql:.+")
class BuiltInHelpdeskPostgresTest extends BuiltInHelpdeskContract {
  @Override
  DataSource newDatabase() throws SQLException {
    return TestDatabases.postgres();
  }

  @Override
  void dropDatabase(DataSource ds) throws SQLException {
    TestDatabases.dropPostgres(ds);
  }
}
