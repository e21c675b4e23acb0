package io.handoff.privacy;

import io.handoff.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Deletes old journey data from Handoff's database. Two independent rules:
 *
 * <ul>
 *   <li>closed journeys whose last change is older than a cut-off lose everything Handoff keeps about
 *       them: index row, timeline, journal, routing decisions and outcome, built-in helpdesk tickets with
 *       their tags, custom fields, comments and idempotency results, outbox messages and notifications;
 *   <li>timeline entries older than a cut-off are deleted from every journey (a running journey keeps
 *       its recent entries in its workflow state, and a restore replays the journal, not the timeline).
 * </ul>
 *
 * A journey that is not closed never loses its journal, tickets or outbox rows: the embedded default
 * re-creates open journeys from the journal. Each batch of journeys is deleted in one transaction,
 * journal and index row together, so a crash can never leave a journal without its closed index row
 * (which would make a restore bring the journey back). A dry run counts the same rows and deletes none.
 */
public final class JourneyPurge {
  /** The tables a purge touches, in deletion order (children before parents). */
  public static final List<String> TABLES = List.of("journey_timeline", "routing_decisions", "routing_outcomes",
      "journal", "outbox_message", "outbox_notification", "ticket_comments", "ticket_tags", "ticket_custom_fields",
      "ticket_idempotency_keys", "tickets", "journeys");
  private static final int BATCH = 200;

  private final DataSource dataSource;

  public JourneyPurge(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * What to purge: closed journeys last changed before {@code now - closedOlderThan}, timeline entries
   * before {@code now - timelineOlderThan}; a null duration skips that rule.
   */
  public record Request(Duration closedOlderThan, Duration timelineOlderThan, Instant now, boolean dryRun) {
    public Request {
      if (closedOlderThan == null && timelineOlderThan == null) {
        throw new IllegalArgumentException("nothing to purge: give a closed-journey age, a timeline age, or both");
      }
      requireNonNegative("closed-journey age", closedOlderThan);
      requireNonNegative("timeline age", timelineOlderThan);
    }

    private static void requireNonNegative(String what, Duration d) {
      if (d != null && d.isNegative()) {
        throw new IllegalArgumentException(what + " must not be negative: " + d);
      }
    }

    Instant closedCutoff() {
      return closedOlderThan == null ? null : now.minus(closedOlderThan);
    }

    Instant timelineCutoff() {
      return timelineOlderThan == null ? null : now.minus(timelineOlderThan);
    }
  }

  /** Rows deleted (or, in a dry run, that would be) per table, in {@link #TABLES} order, and the journeys purged. */
  public record Report(boolean dryRun, Instant closedCutoff, Instant timelineCutoff, long journeys,
      Map<String, Long> rows) {
    public long total() {
      return rows.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  public Report purge(Request r) {
    Map<String, Long> rows = new LinkedHashMap<>();
    TABLES.forEach(t -> rows.put(t, 0L));
    long journeys;
    try {
      // Closed journeys are committed batch by batch; the timeline rule commits at the end.
      journeys = Jdbc.inTransaction(dataSource, c -> {
        long purged = r.closedCutoff() == null ? 0 : purgeClosed(c, r, rows);
        if (r.timelineCutoff() != null) {
          // Entries of journeys the closed rule purges are counted there already (a dry run deletes nothing).
          long n = r.closedCutoff() == null
              ? run(c, r.dryRun(), "journey_timeline", "at < ?", List.of(r.timelineCutoff()))
              : run(c, r.dryRun(), "journey_timeline", "at < ? AND journey_id NOT IN (SELECT journey_id FROM journeys"
                  + " WHERE stage = 'CLOSED' AND updated_at < ?)", List.of(r.timelineCutoff(), r.closedCutoff()));
          rows.merge("journey_timeline", n, Long::sum);
        }
        return purged;
      });
    } catch (SQLException e) {
      throw new IllegalStateException("Purging journey data failed (is this Handoff's database, migrated by the"
          + " service?): " + e.getMessage(), e);
    }
    return new Report(r.dryRun(), r.closedCutoff(), r.timelineCutoff(), journeys, Collections.unmodifiableMap(rows));
  }

  private long purgeClosed(Connection c, Request r, Map<String, Long> rows) throws SQLException {
    long journeys = 0;
    String after = "";
    while (true) {
      Map<String, String> batch = closedBatch(c, r.closedCutoff(), after);
      if (batch.isEmpty()) {
        return journeys;
      }
      deleteJourneys(c, r.dryRun(), batch, rows);
      c.commit();
      journeys += batch.size();
      after = new ArrayList<>(batch.keySet()).get(batch.size() - 1);
    }
  }

  /** Up to {@link #BATCH} closed journeys last changed before the cut-off, by id after {@code after}. */
  private static Map<String, String> closedBatch(Connection c, Instant cutoff, String after) throws SQLException {
    Map<String, String> ids = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT journey_id, conversation_id FROM journeys"
        + " WHERE stage = 'CLOSED' AND updated_at < ? AND journey_id > ? ORDER BY journey_id")) {
      Jdbc.values(cutoff, after).bind(ps);
      ps.setMaxRows(BATCH);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return ids;
  }

  private static void deleteJourneys(Connection c, boolean dryRun, Map<String, String> batch, Map<String, Long> rows)
      throws SQLException {
    List<Object> journeyIds = new ArrayList<>(batch.keySet());
    List<Object> conversations = new ArrayList<>(batch.values());
    String inJourneys = "journey_id IN " + marks(journeyIds.size());
    String inConversations = marks(conversations.size());
    String tickets = "ticket_id IN (SELECT id FROM tickets WHERE external_id IN " + inConversations + ")";
    List<Object> keyPrefixes = new ArrayList<>();
    StringBuilder notification = new StringBuilder("(");
    for (Object id : journeyIds) {
      notification.append(keyPrefixes.isEmpty() ? "" : " OR ").append("idempotency_key LIKE ? ESCAPE '!'");
      keyPrefixes.add(escapeLike((String) id) + "/%");
    }
    notification.append(')');
    count(rows, "journey_timeline", run(c, dryRun, "journey_timeline", inJourneys, journeyIds));
    count(rows, "routing_decisions", run(c, dryRun, "routing_decisions", inJourneys, journeyIds));
    count(rows, "routing_outcomes", run(c, dryRun, "routing_outcomes", inJourneys, journeyIds));
    count(rows, "journal", run(c, dryRun, "journal", inJourneys, journeyIds));
    count(rows, "outbox_message", run(c, dryRun, "outbox_message", "conversation_id IN " + inConversations,
        conversations));
    count(rows, "outbox_notification", run(c, dryRun, "outbox_notification", notification.toString(), keyPrefixes));
    for (String child : List.of("ticket_comments", "ticket_tags", "ticket_custom_fields", "ticket_idempotency_keys")) {
      count(rows, child, run(c, dryRun, child, tickets, conversations));
    }
    count(rows, "tickets", run(c, dryRun, "tickets", "external_id IN " + inConversations, conversations));
    count(rows, "journeys", run(c, dryRun, "journeys", inJourneys + " AND stage = 'CLOSED'", journeyIds));
  }

  private static void count(Map<String, Long> rows, String table, long n) {
    rows.merge(table, n, Long::sum);
  }

  /** Deletes (or counts, in a dry run) the rows of {@code table} matching {@code where}. */
  private static long run(Connection c, boolean dryRun, String table, String where, List<Object> params)
      throws SQLException {
    String sql = (dryRun ? "SELECT COUNT(*) FROM " : "DELETE FROM ") + table + " WHERE " + where;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      Jdbc.values(params.toArray()).bind(ps);
      if (!dryRun) {
        return ps.executeUpdate();
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static String marks(int n) {
    return "(" + String.join(",", Collections.nCopies(n, "?")) + ")";
  }

  private static String escapeLike(String s) {
    return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
