package io.handoff.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Plain JDBC for Handoff's stores (the SQL stays portable between H2 2.x and PostgreSQL 15+). Each call
 * takes a connection from the pool and returns it; a {@link SQLException} becomes an
 * {@link IllegalStateException} reading {@code "<what> failed: <cause>"}, so a store says only what it was
 * doing. Parameters given as values bind by type ({@link Instant} as a UTC {@code TIMESTAMP WITH TIME ZONE},
 * {@code null} as an untyped NULL); a statement whose NULLs need a type (e.g. in an
 * {@code INSERT ... SELECT ?} list) binds them itself with a {@link Binder}.
 */
public final class Jdbc {

  /** Binds a statement's parameters. */
  @FunctionalInterface
  public interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /** Reads one row of a result set. */
  @FunctionalInterface
  public interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** A unit of work on one connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final DataSource dataSource;

  public Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Runs an INSERT, UPDATE or DELETE; returns the number of rows it changed. */
  public int update(String what, String sql, Object... params) {
    return update(what, sql, values(params));
  }

  /** Runs an INSERT, UPDATE or DELETE bound by {@code binder}; returns the number of rows it changed. */
  public int update(String what, String sql, Binder binder) {
    return withConnection(what, c -> update(c, sql, binder));
  }

  /**
   * Runs an insert that may find its row written already (by a retry or a concurrent writer): true when it
   * wrote a row, false when it wrote none (an {@code INSERT ... WHERE NOT EXISTS} that matched, or a
   * unique-constraint violation).
   */
  public boolean insertOnce(String what, String sql, Object... params) {
    return insertOnce(what, sql, values(params));
  }

  /** {@link #insertOnce(String, String, Object...)} with the parameters bound by {@code binder}. */
  public boolean insertOnce(String what, String sql, Binder binder) {
    try (Connection c = dataSource.getConnection()) {
      return update(c, sql, binder) > 0;
    } catch (SQLException e) {
      if (isUniqueViolation(e)) {
        return false;
      }
      throw failed(what, e);
    }
  }

  /** Every row of a query, read by {@code row}. */
  public <T> List<T> list(String what, String sql, Row<T> row, Object... params) {
    return list(what, sql, row, values(params));
  }

  /** Every row of a query bound by {@code binder} (which may also set e.g. the maximum row count). */
  public <T> List<T> list(String what, String sql, Row<T> row, Binder binder) {
    return withConnection(what, c -> list(c, sql, row, binder));
  }

  /** The first row of a query, read by {@code row}; empty when there is none. */
  public <T> Optional<T> first(String what, String sql, Row<T> row, Object... params) {
    return withConnection(what, c -> first(c, sql, row, values(params)));
  }

  /** Runs {@code work} on one connection (several statements, no transaction). */
  public <T> T withConnection(String what, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw failed(what, e);
    }
  }

  /** Runs {@code work} in one local transaction: committed when it returns, rolled back when it throws. */
  public <T> T inTransaction(String what, Work<T> work) {
    try {
      return inTransaction(dataSource, work);
    } catch (SQLException e) {
      throw failed(what, e);
    }
  }

  /** {@link #inTransaction(String, Work)} for callers that handle the {@link SQLException} themselves. */
  public static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    }
  }

  /** Runs a statement on a connection the caller holds (e.g. inside {@link #inTransaction}). */
  public static int update(Connection c, String sql, Binder binder) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      return ps.executeUpdate();
    }
  }

  /** Every row of a query on a connection the caller holds. */
  public static <T> List<T> list(Connection c, String sql, Row<T> row, Binder binder) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      List<T> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row.read(rs));
        }
      }
      return out;
    }
  }

  /** The first row of a query on a connection the caller holds; empty when there is none. */
  public static <T> Optional<T> first(Connection c, String sql, Row<T> row, Binder binder) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.ofNullable(row.read(rs)) : Optional.empty();
      }
    }
  }

  /** A binder for values in order (see the class comment for how each binds). */
  public static Binder values(Object... params) {
    return ps -> {
      for (int i = 0; i < params.length; i++) {
        Object p = params[i];
        if (p == null) {
          ps.setNull(i + 1, Types.NULL);
        } else if (p instanceof Instant t) {
          ps.setObject(i + 1, utc(t));
        } else {
          ps.setObject(i + 1, p);
        }
      }
    };
  }

  /** True for a unique-constraint violation (SQLState 23505 on both H2 and PostgreSQL), also when chained. */
  public static boolean isUniqueViolation(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      if ("23505".equals(x.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** An instant as a UTC {@code TIMESTAMP WITH TIME ZONE} value; null stays null. */
  public static OffsetDateTime utc(Instant i) {
    return i == null ? null : i.atOffset(ZoneOffset.UTC);
  }

  /** A time column as an instant (with or without time zone); null when SQL NULL. */
  public static Instant instant(ResultSet rs, int col) throws SQLException {
    OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
    if (t != null) {
      return t.toInstant();
    }
    Timestamp ts = rs.getTimestamp(col);
    return ts == null ? null : ts.toInstant();
  }

  private static IllegalStateException failed(String what, SQLException e) {
    return new IllegalStateException(what + " failed: " + e.getMessage(), e);
  }
}
