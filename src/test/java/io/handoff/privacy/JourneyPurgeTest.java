package io.handoff.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.handoff.testing.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The retention purge on H2 and PostgreSQL: old closed journeys lose every row Handoff keeps about them;
 * open journeys, recent closed ones and a look-alike conversation id keep theirs; a dry run deletes nothing.
 */
public class JourneyPurgeTest {
  public static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  public static final Instant OLD = NOW.minus(Duration.ofDays(400));
  static final Instant RECENT = NOW.minus(Duration.ofDays(10));

  static Stream<TestDatabases.Db> databases() {
    return TestDatabases.all().stream();
  }

  /** Seeds one journey with a row in every table that holds journey data. */
  public static void journey(DataSource ds, String conversation, String stage, Instant updated) throws SQLException {
    String journeyId = "journey-" + conversation;
    try (Connection c = ds.getConnection()) {
      exec(c, "INSERT INTO journeys (journey_id, conversation_id, stage, view_json, version, created_at, updated_at)"
          + " VALUES (?,?,?,'{}',1,?,?)", journeyId, conversation, stage, updated, updated);
      exec(c, "INSERT INTO journey_timeline (journey_id, seq, at, step, text) VALUES (?,1,?,'event.message.received',"
          + "'hello')", journeyId, updated);
      exec(c, "INSERT INTO journey_timeline (journey_id, seq, at, step, text) VALUES (?,2,?,'stage.closed',null)",
          journeyId, updated);
      exec(c, "INSERT INTO routing_decisions (journey_id, router, decision_no, active, decided_at)"
          + " VALUES (?,'ai',1,TRUE,?)", journeyId, updated);
      exec(c, "INSERT INTO routing_outcomes (journey_id, updated_at) VALUES (?,?)", journeyId, updated);
      exec(c, "INSERT INTO journal (journey_id, entry_id, kind, payload, received_at) VALUES (?,'e1','event','{}',?)",
          journeyId, updated);
      exec(c, "INSERT INTO outbox_message (idempotency_key, conversation_id, channel, body, status, created_at)"
          + " VALUES (?,?,'web_widget','Hi','recorded',?)", journeyId + "/m/0", conversation, updated);
      exec(c, "INSERT INTO outbox_notification (idempotency_key, kind, body, status, created_at)"
          + " VALUES (?,'email','Body','recorded',?)", journeyId + "/support/abc/0", updated);
      exec(c, "INSERT INTO tickets (external_id, subject, status, requester_name, requester_email, created_at,"
          + " updated_at) VALUES (?,'Subject','closed','Ana','ana@example.com',?,?)", conversation, updated, updated);
      long ticket = ticketId(c, conversation);
      exec(c, "INSERT INTO ticket_tags (ticket_id, tag) VALUES (?,'vip')", ticket);
      exec(c, "INSERT INTO ticket_custom_fields (ticket_id, field_name, field_value) VALUES (?,'order','42')", ticket);
      exec(c, "INSERT INTO ticket_comments (ticket_id, body, is_public, author_role, created_at)"
          + " VALUES (?,'a comment',TRUE,'agent',?)", ticket, updated);
      exec(c, "INSERT INTO ticket_idempotency_keys (idem_key, operation, ticket_id, created_at, result_json)"
          + " VALUES (?,'create',?,?,'{}')", journeyId + "/ticket", ticket, updated);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void oldClosedJourneysLoseEveryRowAndTheRestIsKept(TestDatabases.Db db) throws Exception {
    DataSource ds = db.dataSource();
    journey(ds, "old_closed", "CLOSED", OLD);
    journey(ds, "old-open", "TICKETED", OLD);
    journey(ds, "recent-closed", "CLOSED", RECENT);
    journey(ds, "oldXclosed", "TICKETED", OLD); // "_" must not act as a LIKE wildcard
    Map<String, Long> before = counts(ds);

    JourneyPurge.Report r = new JourneyPurge(ds).purge(new JourneyPurge.Request(Duration.ofDays(365), null, NOW,
        false));

    assertThat(r.journeys()).isEqualTo(1);
    assertThat(r.rows()).containsEntry("journeys", 1L).containsEntry("journey_timeline", 2L)
        .containsEntry("journal", 1L).containsEntry("tickets", 1L).containsEntry("ticket_comments", 1L)
        .containsEntry("outbox_notification", 1L).containsEntry("ticket_idempotency_keys", 1L);
    assertThat(r.rows().keySet()).containsExactlyElementsOf(JourneyPurge.TABLES);
    assertThat(r.rows().values()).allMatch(n -> n >= 1);
    assertThat(rowsOf(ds, "old_closed")).as("rows left of the purged journey").allSatisfy((t, n) -> assertThat(n)
        .as(t).isZero());
    for (String kept : new String[] {"old-open", "recent-closed", "oldXclosed"}) {
      assertThat(rowsOf(ds, kept)).as(kept).allSatisfy((t, n) -> assertThat(n).as(kept + " " + t).isPositive());
    }
    Map<String, Long> after = counts(ds);
    before.forEach((t, n) -> assertThat(after.get(t)).as(t).isEqualTo(n - r.rows().get(t)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aDryRunCountsTheSameRowsAndDeletesNothing(TestDatabases.Db db) throws Exception {
    DataSource ds = db.dataSource();
    journey(ds, "a", "CLOSED", OLD);
    journey(ds, "b", "CLOSED", OLD);
    journey(ds, "c", "SOLVED", OLD);
    Map<String, Long> before = counts(ds);
    JourneyPurge.Request dry = new JourneyPurge.Request(Duration.ofDays(30), Duration.ofDays(90), NOW, true);

    JourneyPurge.Report counted = new JourneyPurge(ds).purge(dry);

    assertThat(counts(ds)).isEqualTo(before);
    assertThat(counted.journeys()).isEqualTo(2);
    JourneyPurge.Report done = new JourneyPurge(ds).purge(new JourneyPurge.Request(Duration.ofDays(30),
        Duration.ofDays(90), NOW, false));
    assertThat(done.rows()).isEqualTo(counted.rows());
    assertThat(counts(ds).get("journeys")).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void timelineRetentionTrimsOldEntriesOfEveryJourneyAndNothingElse(TestDatabases.Db db) throws Exception {
    DataSource ds = db.dataSource();
    journey(ds, "open", "TICKETED", OLD);
    journey(ds, "fresh", "TICKETED", RECENT);
    Map<String, Long> before = counts(ds);

    JourneyPurge.Report r = new JourneyPurge(ds).purge(new JourneyPurge.Request(null, Duration.ofDays(90), NOW,
        false));

    assertThat(r.rows().get("journey_timeline")).isEqualTo(2);
    assertThat(r.total()).isEqualTo(2);
    assertThat(rowsOf(ds, "open").get("journey_timeline")).isZero();
    assertThat(rowsOf(ds, "fresh").get("journey_timeline")).isEqualTo(2);
    assertThat(counts(ds).get("journal")).isEqualTo(before.get("journal"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void purgesMoreJourneysThanOneBatch(TestDatabases.Db db) throws Exception {
    DataSource ds = db.dataSource();
    for (int i = 0; i < 205; i++) {
      journey(ds, "bulk-" + i, "CLOSED", OLD);
    }
    JourneyPurge.Report r = new JourneyPurge(ds).purge(new JourneyPurge.Request(Duration.ofDays(1), null, NOW,
        false));
    assertThat(r.journeys()).isEqualTo(205);
    assertThat(counts(ds)).allSatisfy((t, n) -> assertThat(n).as(t).isZero());
  }

  @Test
  void aRequestWithNothingToPurgeIsRefused() {
    assertThatThrownBy(() -> new JourneyPurge.Request(null, null, NOW, true))
        .hasMessageContaining("nothing to purge");
    assertThatThrownBy(() -> new JourneyPurge.Request(Duration.ofDays(-1), null, NOW, true))
        .hasMessageContaining("closed-journey age must not be negative");
  }

  public static Map<String, Long> counts(DataSource ds) throws SQLException {
    Map<String, Long> m = new LinkedHashMap<>();
    try (Connection c = ds.getConnection()) {
      for (String t : JourneyPurge.TABLES) {
        m.put(t, count(c, "SELECT COUNT(*) FROM " + t));
      }
    }
    return m;
  }

  /** Rows of one journey per table. */
  static Map<String, Long> rowsOf(DataSource ds, String conversation) throws SQLException {
    String j = "journey-" + conversation;
    String tickets = " WHERE ticket_id IN (SELECT id FROM tickets WHERE external_id = ?)";
    Map<String, Long> m = new LinkedHashMap<>();
    try (Connection c = ds.getConnection()) {
      for (String t : new String[] {"journeys", "journey_timeline", "routing_decisions", "routing_outcomes", "journal"}) {
        m.put(t, count(c, "SELECT COUNT(*) FROM " + t + " WHERE journey_id = ?", j));
      }
      m.put("outbox_message", count(c, "SELECT COUNT(*) FROM outbox_message WHERE conversation_id = ?", conversation));
      m.put("outbox_notification", count(c, "SELECT COUNT(*) FROM outbox_notification WHERE idempotency_key LIKE ?"
          + " ESCAPE '!'", j.replace("_", "!_") + "/%"));
      m.put("tickets", count(c, "SELECT COUNT(*) FROM tickets WHERE external_id = ?", conversation));
      for (String t : new String[] {"ticket_comments", "ticket_tags", "ticket_custom_fields", "ticket_idempotency_keys"}) {
        m.put(t, count(c, "SELECT COUNT(*) FROM " + t + tickets, conversation));
      }
    }
    return m;
  }

  private static long ticketId(Connection c, String conversation) throws SQLException {
    return count(c, "SELECT MAX(id) FROM tickets WHERE external_id = ?", conversation);
  }

  private static long count(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void exec(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      ps.executeUpdate();
    }
  }

  private static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, params[i] instanceof Instant at ? at.atOffset(ZoneOffset.UTC) : params[i]);
    }
  }
}
