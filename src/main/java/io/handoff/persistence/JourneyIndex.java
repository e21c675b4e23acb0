package io.handoff.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.journey.JourneyProjection;
import io.handoff.journey.JourneyView;
import io.handoff.journey.TimelineEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Handoff's journey index over plain JDBC. The SQL is portable between H2 2.x and PostgreSQL 15+.
 * Writes are idempotent so that a retried projection activity never duplicates a row.
 */
public class JourneyIndex {
  private final DataSource dataSource;
  private final ObjectMapper json;

  public JourneyIndex(DataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
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
   * Writes a projection in one transaction: newer summary wins; timeline entries are insert-once.
   *
   * @return the timeline entries this call inserted (none when a retry finds them written already)
   */
  public List<TimelineEntry> write(JourneyProjection p) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        upsertSummary(c, p);
        List<TimelineEntry> inserted = new ArrayList<>();
        for (TimelineEntry e : p.newEntries()) {
          if (insertTimeline(c, p.view().journeyId(), e)) {
            inserted.add(e);
          }
        }
        c.commit();
        return inserted;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Writing the journey index failed: " + e.getMessage(), e);
    }
  }

  private void upsertSummary(Connection c, JourneyProjection p) throws SQLException {
    JourneyView v = p.view();
    String viewJson = toJson(v);
    String intent = v.routing() == null ? null : activeIntent(v);
    String snapshot = p.snapshot() == null ? null : snapshotJson(p.snapshot());
    String sql = "UPDATE journeys SET stage=?, channel=?, language=?, intent=?, ticket_id=?, priority=?,"
        + " sla_breached=?, routing_agree=?, view_json=?, version=?, updated_at=?, snapshot_json=?"
        + " WHERE journey_id=? AND version<?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = bindSummary(ps, v, intent, viewJson, p.version());
      ps.setString(i++, snapshot);
      ps.setString(i++, v.journeyId());
      ps.setLong(i, p.version());
      if (ps.executeUpdate() > 0) {
        return;
      }
    }
    String insert = "INSERT INTO journeys (stage, channel, language, intent, ticket_id, priority, sla_breached,"
        + " routing_agree, view_json, version, updated_at, snapshot_json, journey_id, conversation_id, created_at)"
        + " SELECT ?,?,?,?,?,?,?,?,?,?,?,?,?,?,? WHERE NOT EXISTS (SELECT 1 FROM journeys WHERE journey_id=?)";
    try (PreparedStatement ps = c.prepareStatement(insert)) {
      int i = bindSummary(ps, v, intent, viewJson, p.version());
      ps.setString(i++, snapshot);
      ps.setString(i++, v.journeyId());
      ps.setString(i++, v.conversationId());
      ps.setObject(i++, odt(v.startedAt()));
      ps.setString(i, v.journeyId());
      ps.executeUpdate();
    }
  }

  private int bindSummary(PreparedStatement ps, JourneyView v, String intent, String viewJson, long version)
      throws SQLException {
    int i = 1;
    ps.setString(i++, v.stage().name());
    ps.setString(i++, v.channel());
    ps.setString(i++, v.language());
    ps.setString(i++, intent);
    ps.setString(i++, v.ticket() == null ? null : v.ticket().id());
    ps.setString(i++, v.ticket() == null ? null : v.ticket().priority());
    ps.setBoolean(i++, v.sla() != null && v.sla().values().stream().anyMatch(s -> s.breached()));
    ps.setObject(i++, v.routing() == null ? null : v.routing().agree(), java.sql.Types.BOOLEAN);
    ps.setString(i++, viewJson);
    ps.setLong(i++, version);
    ps.setObject(i++, odt(v.updatedAt()));
    return i;
  }

  private static String activeIntent(JourneyView v) {
    var r = v.routing();
    var active = "rules".equals(r.active()) ? r.rules() : r.ai();
    if (active == null) {
      active = r.ai() != null ? r.ai() : r.rules();
    }
    return active == null ? null : active.intent();
  }

  private boolean insertTimeline(Connection c, String journeyId, TimelineEntry e) throws SQLException {
    String sql = "INSERT INTO journey_timeline (journey_id, seq, at, step, text, trace_json)"
        + " SELECT ?,?,?,?,?,? WHERE NOT EXISTS (SELECT 1 FROM journey_timeline WHERE journey_id=? AND seq=?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, journeyId);
      ps.setLong(2, e.seq());
      ps.setObject(3, odt(e.at()));
      ps.setString(4, e.step());
      ps.setString(5, e.text());
      ps.setString(6, e.trace() == null ? null : e.trace().toString());
      ps.setString(7, journeyId);
      ps.setLong(8, e.seq());
      return ps.executeUpdate() > 0;
    }
  }

  /** How many journeys the index holds in each stage (stages without journeys are absent). */
  public java.util.Map<String, Long> countByStage() {
    java.util.Map<String, Long> counts = new java.util.TreeMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT stage, COUNT(*) FROM journeys GROUP BY stage");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getLong(2));
      }
      return counts;
    } catch (SQLException e) {
      throw new IllegalStateException("Counting journeys failed: " + e.getMessage(), e);
    }
  }

  /** The last projected view of a journey, with its full timeline from the index. */
  public Optional<JourneyView> find(String journeyId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT view_json FROM journeys WHERE journey_id=?")) {
      ps.setString(1, journeyId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        JourneyView v = json.readValue(rs.getString(1), JourneyView.class);
        List<TimelineEntry> timeline = timeline(c, journeyId);
        return Optional.of(v.withTimeline(timeline));
      }
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException("Reading the journey index failed: " + e.getMessage(), e);
    }
  }

  /** The journey whose ticket this is, if the index knows it. */
  public Optional<String> journeyOfTicket(String ticketId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT journey_id FROM journeys WHERE ticket_id=?")) {
      ps.setString(1, ticketId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the journey index failed: " + e.getMessage(), e);
    }
  }

  /**
   * The journey's workflow state as of its last projection, with the last {@code timelineTail} timeline
   * entries from the index put back; empty when none was recorded (journeys projected by older versions).
   */
  public Optional<io.handoff.journey.JourneyState> snapshot(String journeyId, int timelineTail) {
    try (Connection c = dataSource.getConnection()) {
      String json = null;
      try (PreparedStatement ps = c.prepareStatement("SELECT snapshot_json FROM journeys WHERE journey_id=?")) {
        ps.setString(1, journeyId);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            json = rs.getString(1);
          }
        }
      }
      if (json == null) {
        return Optional.empty();
      }
      io.handoff.journey.JourneyState state = SNAPSHOT_JSON.readValue(json, io.handoff.journey.JourneyState.class);
      List<TimelineEntry> timeline = timeline(c, journeyId);
      state.timeline = new ArrayList<>(timeline.subList(Math.max(0, timeline.size() - timelineTail), timeline.size()));
      return Optional.of(state);
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException("Reading the snapshot of " + journeyId + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * The snapshot of a journey whose last run finished (its follow-up window ended), for the run that an
   * event then starts; empty for any other journey. Checked on every event in modes dev-server and cluster,
   * so it costs one primary-key read of the stage for a journey that is not closed: only a CLOSED row's
   * snapshot is deserialised (a run finishes only in that stage, and the stage and the snapshot are written
   * together), and only a finished one's timeline is read.
   */
  public Optional<io.handoff.journey.JourneyState> finishedSnapshot(String journeyId, int timelineTail) {
    try (Connection c = dataSource.getConnection()) {
      String json = null;
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT snapshot_json FROM journeys WHERE journey_id=? AND stage=?")) {
        ps.setString(1, journeyId);
        ps.setString(2, io.handoff.journey.Stage.CLOSED.name());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            json = rs.getString(1);
          }
        }
      }
      if (json == null) {
        return Optional.empty();
      }
      io.handoff.journey.JourneyState state = SNAPSHOT_JSON.readValue(json, io.handoff.journey.JourneyState.class);
      if (!state.finished) {
        return Optional.empty();
      }
      List<TimelineEntry> timeline = timeline(c, journeyId);
      state.timeline = new ArrayList<>(timeline.subList(Math.max(0, timeline.size() - timelineTail), timeline.size()));
      return Optional.of(state);
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException("Reading the snapshot of " + journeyId + " failed: " + e.getMessage(), e);
    }
  }

  /** Workflow state is written with Temporal's own JSON mapping, the one that carries it across runs. */
  private static final ObjectMapper SNAPSHOT_JSON =
      io.temporal.common.converter.JacksonJsonPayloadConverter.newDefaultObjectMapper();

  private static String snapshotJson(io.handoff.journey.JourneyState state) {
    try {
      return SNAPSHOT_JSON.writeValueAsString(state);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Serializing the journey snapshot failed: " + e.getMessage(), e);
    }
  }

  /** Every timeline entry of a journey in order. */
  public List<TimelineEntry> timeline(String journeyId) {
    try (Connection c = dataSource.getConnection()) {
      return timeline(c, journeyId);
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the journey timeline failed: " + e.getMessage(), e);
    }
  }

  private List<TimelineEntry> timeline(Connection c, String journeyId) throws SQLException {
    List<TimelineEntry> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT seq, at, step, text, trace_json FROM journey_timeline WHERE journey_id=? ORDER BY seq")) {
      ps.setString(1, journeyId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String trace = rs.getString(5);
          out.add(new TimelineEntry(rs.getLong(1), instant(rs, 2), rs.getString(3), rs.getString(4),
              trace == null ? null : readTree(trace)));
        }
      }
    }
    return out;
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
      args.add(odt(after.createdAt()));
      args.add(odt(after.createdAt()));
      args.add(after.journeyId());
    }
    sql.append(" ORDER BY created_at DESC, journey_id DESC LIMIT ").append(limit + 1);
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      List<JourneySummary> items = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          items.add(new JourneySummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9),
              (Boolean) rs.getObject(10), instant(rs, 11), instant(rs, 12), viewText(rs.getString(13), "customer", "name"),
              viewText(rs.getString(13), "subject")));
        }
      }
      String next = null;
      if (items.size() > limit) {
        items = items.subList(0, limit);
        JourneySummary last = items.get(limit - 1);
        next = new Cursor(last.createdAt(), last.journeyId()).encode();
      }
      return new Page(List.copyOf(items), next);
    } catch (SQLException e) {
      throw new IllegalStateException("Listing journeys failed: " + e.getMessage(), e);
    }
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

  private String toJson(Object o) {
    try {
      return json.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode readTree(String s) {
    try {
      return json.readTree(s);
    } catch (JsonProcessingException e) {
      return json.getNodeFactory().textNode(s);
    }
  }

  private static OffsetDateTime odt(Instant i) {
    return i == null ? OffsetDateTime.now(ZoneOffset.UTC) : i.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, int col) throws SQLException {
    OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
    if (t != null) {
      return t.toInstant();
    }
    Timestamp ts = rs.getTimestamp(col);
    return ts == null ? null : ts.toInstant();
  }
}
