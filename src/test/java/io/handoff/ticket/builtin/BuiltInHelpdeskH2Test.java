package io.handoff.ticket.builtin;

import javax.sql.DataSource;

/** The built-in helpdesk on H2 2.x (always runs). */
class BuiltInHelpdeskH2Test extends BuiltInHelpdeskContract {
  @Override
  DataSource newDatabase() {
    return TestDatabases.h2();
  }
}
