package io.handoff.trigger;

import java.sql.SQLException;

/** Small JDBC helpers shared by the outboxes. */
public final class Jdbc {

  private Jdbc() {}

  /** True for a unique-constraint violation (SQLState 23505 on both H2 and PostgreSQL). */
  public static boolean isUniqueViolation(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      if ("23505".equals(x.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
