package io.handoff.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.jdbc.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Handoff's journey index over plain JDBC: one summary row per journey (indexed columns, the view and the
 * workflow snapshot as JSON documents) and its timeline. It stores plain data only; the journey package
 * turns its views, timeline entries and snapshots into these rows ({@code journey.ProjectionStore}). The
 * SQL is portable between H2 2.x and PostgreSQL 15+. Writes are idempotent so that a retried projection
 * activity never duplicates a row.
 */
public class JourneyIndex {
  private final Jdbc jdbc;
  private final ObjectMapper json;

  public JourneyIndex(DataSource dataSource, ObjectMapper json) {
    this.jdbc = new Jdbc(dataSource);
    this.json = json;
  }

  /** A page of journey summaries and the cursor of the next page (null on the last page). */
  public record Page(List<JourneySummary> items, String nextCursor) {}

  /**
   * One row of the journey list.
   *
   * @param customerName the customer's name, from the journey's last view (null when none was given)
   * @param subject the ticket's subject, or the customer's first message before a ticket
   */
  public record JourneySummary(
      String journeyId, String conversationId, String stage, String channel, String language, String intent,
      String ticketId, String priority, boolean slaBreached, Boolean routingAgree, Instant createdAt,
      Instant updatedAt, String customerName, String subject) {}

  /** Filters of the journey list; null means "any". */
  public record Filter(String stage, String intent, String language, String channel) {}

  /**
   * One projection of a journey as the index stores it. {@code version} orders projections (an older one
   * never overwrites a newer); {@code viewJson} is the view without its timeline; {@code snapshotJson} the
   * workflow state (null when none was given). A null {@code createdAt} or {@code updatedAt} is written as now.
   */
  public record Row(String journeyId, String conversationId, String stage, String channel, String language,
      String intent, String ticketId, String priority, boolean slaBreached, Boolean routingAgree, String viewJson,
      long version, Instant createdAt, Instant updatedAt, String snapshotJson) {}

  /** One timeline entry; {@code seq} is unique within a journey; {@code traceJson} is JSON text or null. */
  public record TimelineRow(long seq, Instant at, String step, String text, String traceJson) {}

  /** A journey's stored view (JSON) with its full timeline. */
  public record StoredView(String viewJson, List<TimelineRow> timeline) {}

  /**
   * Writes a projection in one transaction: newer summary wins; timeline entries are insert-once.
   *
   * @return the timeline entries this call inserted (none when a retry finds them written already)
   */
  public List<TimelineRow> write(Row row, List<TimelineRow> newEntries) {
    return jdbc.inTransaction("Writing the journey index", c -> {
      upsertSummary(c, row);
      List<TimelineRow> inserted = new ArrayList<>();
      for (TimelineRow e : newEntries) {
        if (insertTimeline(c, row.journeyId(), e)) {
          inserted.add(e);
        }
      }
      return inserted;
    });
  }

  private static void upsertSummary(Connection c, Row r) throws SQLException {
    String sql = "UPDATE journeys SET stage=?, channel=?, language=?, intent=?, ticket_id=?, priority=?,"
        + " sla_breached=?, routing_agree=?, view_json=?, version=?, updated_at=?, snapshot_json=?"
        + " WHERE journey_id=? AND version<?";
    int updated = Jdbc.update(c, sql, ps -> {
      int i = bindSummary(ps, r);
      ps.setString(i++, r.journeyId());
      ps.setLong(i, r.version());
    });
    if (updated > 0) {
      return;
    }
    String insert = "INSERT INTO journeys (stage, channel, language, intent, ticket_id, priority, sla_breached,"
        + " routing_agree, view_json, version, updated_at, snapshot_json, journey_id, conversation_id, created_at)"
        + " SELECT ?,?,?,?,?,?,?,?,?,?,?,?,?,?,? WHERE NOT EXISTS (SELECT 1 FROM journeys WHERE journey_id=?)";
    Jdbc.update(c, insert, ps -> {
      int i = bindSummary(ps, r);
      ps.setString(i++, r.journeyId());
      ps.setString(i++, r.conversationId());
      ps.setObject(i++, utcOrNow(r.createdAt()));
      ps.setString(i, r.journeyId());
    });
  }

  /** Binds the columns both the update and the insert set, snapshot last; returns the next index. */
  private static int bindSummary(java.sql.PreparedStatement ps, Row r) throws SQLException {
    int i = 1;
    ps.setString(i++, r.stage());
    ps.setString(i++, r.channel());
    ps.setString(i++, r.language());
    ps.setString(i++, r.intent());
    ps.setString(i++, r.ticketId());
    ps.setString(i++, r.priority());
    ps.setBoolean(i++, r.slaBreached());
    ps.setObject(i++, r.routingAgree(), Types.BOOLEAN);
    ps.setString(i++, r.viewJson());
    ps.setLong(i++, r.version());
    ps.setObject(i++, utcOrNow(r.updatedAt()));
    ps.setString(i++, r.snapshotJson());
    return i;
  }

  private static boolean insertTimeline(Connection c, String journeyId, TimelineRow e) throws SQLException {
    String sql = "INSERT INTO journey_timeline (journey_id, seq, at, step, text, trace_json)"
        + " SELECT ?,?,?,?,?,? WHERE NOT EXISTS (SELECT 1 FROM journey_timeline WHERE journey_id=? AND seq=?)";
    return Jdbc.update(c, sql, ps -> {
      ps.setString(1, journeyId);
      ps.setLong(2, e.seq());
      ps.setObject(3, utcOrNow(e.at()));
      ps.setString(4, e.step());
      ps.setString(5, e.text());
      ps.setString(6, e.traceJson());
      ps.setString(7, journeyId);
      ps.setLong(8, e.seq());
    }) > 0;
  }

  /** How many journeys the index holds in each stage (stages without journeys are absent). */
  public Map<String, Long> countByStage() {
    Map<String, Long> counts = new TreeMap<>();
    jdbc.list("Counting journeys", "SELECT stage, COUNT(*) FROM journeys GROUP BY stage",
        rs -> counts.put(rs.getString(1), rs.getLong(2)));
    return counts;
  }

  /** The last projected view of a journey (JSON), with its full timeline. */
  public Optional<StoredView> find(String journeyId) {
    return jdbc.withConnection("Reading the journey index", c -> {
      Optional<String> view = Jdbc.first(c, "SELECT view_json FROM journeys WHERE journey_id=?",
          rs -> rs.getString(1), Jdbc.values(journeyId));
      return view.isEmpty() ? Optional.empty() : Optional.of(new StoredView(view.get(), timeline(c, journeyId)));
    });
  }

  /** The journey whose ticket this is, if the index knows it. */
  public Optional<String> journeyOfTicket(String ticketId) {
    return jdbc.first("Reading the journey index", "SELECT journey_id FROM journeys WHERE ticket_id=?",
        rs -> rs.getString(1), ticketId);
  }

  /**
   * The workflow snapshot (JSON) of the journey's last projection; with {@code stage} given, only when the
   * journey is in that stage (one primary-key read otherwise). Empty when none was recorded (journeys
   * projected by older versions).
   */
  public Optional<String> snapshotJson(String journeyId, String stage) {
    String sql = "SELECT snapshot_json FROM journeys WHERE journey_id=?" + (stage == null ? "" : " AND stage=?");
    Object[] params = stage == null ? new Object[] {journeyId} : new Object[] {journeyId, stage};
    return jdbc.first("Reading the snapshot of " + journeyId, sql, rs -> rs.getString(1), params);
  }

  /** Every timeline entry of a journey in order. */
  public List<TimelineRow> timeline(String journeyId) {
    return jdbc.withConnection("Reading the journey timeline", c -> timeline(c, journeyId));
  }

  private static List<TimelineRow> timeline(Connection c, String journeyId) throws SQLException {
    return Jdbc.list(c, "SELECT seq, at, step, text, trace_json FROM journey_timeline WHERE journey_id=? ORDER BY seq",
        rs -> new TimelineRow(rs.getLong(1), Jdbc.instant(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5)),
        Jdbc.values(journeyId));
  }

  /** A page of summaries, newest first, keyset-paged by (created_at, journey_id). */
  public Page list(Filter f, int limit, String cursor) {
    StringBuilder sql = new StringBuilder("SELECT journey_id, conversation_id, stage, channel, language, intent,"
        + " ticket_id, priority, sla_breached, routing_agree, created_at, updated_at, view_json FROM journeys WHERE 1=1");
    List<Object> args = new ArrayList<>();
    addFilter(sql, args, "stage", f.stage());
    addFilter(sql, args, "intent", f.intent());
    addFilter(sql, args, "language", f.language());
    addFilter(sql, args, "channel", f.channel());
    Cursor after = Cursor.decode(cursor);
    if (after != null) {
      sql.append(" AND (created_at < ? OR (created_at = ? AND journey_id < ?))");
      args.add(after.createdAt());
      args.add(after.createdAt());
      args.add(after.journeyId());
    }
    sql.append(" ORDER BY created_at DESC, journey_id DESC LIMIT ").append(limit + 1);
    List<JourneySummary> items = jdbc.list("Listing journeys", sql.toString(),
        rs -> new JourneySummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9),
            (Boolean) rs.getObject(10), Jdbc.instant(rs, 11), Jdbc.instant(rs, 12),
            viewText(rs.getString(13), "customer", "name"), viewText(rs.getString(13), "subject")),
        args.toArray());
    String next = null;
    if (items.size() > limit) {
      items = items.subList(0, limit);
      JourneySummary last = items.get(limit - 1);
      next = new Cursor(last.createdAt(), last.journeyId()).encode();
    }
    return new Page(List.copyOf(items), next);
  }

  /** A text field of a stored view (its timeline is stored apart, so the view is small); null when absent. */
  private String viewText(String viewJson, String... path) {
    if (viewJson == null) {
      return null;
    }
    try {
      JsonNode node = json.readTree(viewJson);
      for (String p : path) {
        node = node.path(p);
      }
      return node.isTextual() ? node.asText() : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static void addFilter(StringBuilder sql, List<Object> args, String column, String value) {
    if (value != null && !value.isBlank()) {
      sql.append(" AND ").append(column).append(" = ?");
      args.add(value);
    }
  }

  /** Opaque keyset cursor: base64url of "epochMillis|journeyId". */
  record Cursor(Instant createdAt, String journeyId) {
    String encode() {
      String raw = createdAt.toEpochMilli() + "|" + journeyId;
      return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Decodes a cursor; null for none; IllegalArgumentException for one that was not made here. */
    static Cursor decode(String s) {
      if (s == null || s.isBlank()) {
        return null;
      }
      String raw = new String(Base64.getUrlDecoder().decode(s), java.nio.charset.StandardCharsets.UTF_8);
      int bar = raw.indexOf('|');
      if (bar <= 0) {
        throw new IllegalArgumentException("not a cursor returned by this API");
      }
      return new Cursor(Instant.ofEpochMilli(Long.parseLong(raw.substring(0, bar))), raw.substring(bar + 1));
    }
  }

  private static OffsetDateTime utcOrNow(Instant i) {
    return i == null ? OffsetDateTime.now(ZoneOffset.UTC) : i.atOffset(ZoneOffset.UTC);
  }
}
