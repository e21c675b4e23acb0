package io.handoff.routing;

import io.handoff.journey.RoutingView;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Routing decisions of both routers and the humans' final routing, for the comparison report. Writes
 * are idempotent (activities may retry them).
 */
public class RoutingStore {
  private final DataSource dataSource;

  public RoutingStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Stores one router's decision (keyed by journey, router and decision number; a retry writes nothing). */
  public void recordDecision(String journeyId, String router, int decisionNo, RoutingView.RouterDecision d,
      boolean active, String channel, Instant decidedAt) {
    String sql = "INSERT INTO routing_decisions (journey_id, router, decision_no, intent, group_name, handoff,"
        + " confidence, language, channel, priority, active, latency_ms, cost_usd, decided_at)"
        + " SELECT ?,?,?,?,?,?,?,?,?,?,?,?,?,? WHERE NOT EXISTS (SELECT 1 FROM routing_decisions"
        + " WHERE journey_id=? AND router=? AND decision_no=?)";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      ps.setString(i++, journeyId);
      ps.setString(i++, router);
      ps.setInt(i++, decisionNo);
      ps.setString(i++, d.intent());
      ps.setString(i++, d.group());
      ps.setString(i++, d.handoff());
      ps.setObject(i++, d.confidence(), Types.DOUBLE);
      ps.setString(i++, d.language());
      ps.setString(i++, channel);
      ps.setString(i++, d.priority());
      ps.setBoolean(i++, active);
      ps.setObject(i++, d.latencyMs(), Types.BIGINT);
      ps.setObject(i++, d.costUsd(), Types.DOUBLE);
      ps.setObject(i++, decidedAt.atOffset(ZoneOffset.UTC));
      ps.setString(i++, journeyId);
      ps.setString(i++, router);
      ps.setInt(i, decisionNo);
      ps.executeUpdate();
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        return; // A concurrent write of the same decision won the race: it is recorded.
      }
      throw new IllegalStateException("Recording a routing decision failed: " + e.getMessage(), e);
    }
  }

  /** What the humans did with a journey's ticket so far; the latest write wins. */
  public record Outcome(
      String journeyId, String activeRouter, String initialGroup, String finalGroup, String finalPriority,
      boolean rerouted, boolean reopened, boolean handedOff, Instant ticketCreatedAt, Instant firstHumanReplyAt,
      boolean slaBreached, Instant updatedAt) {}

  public void recordOutcome(Outcome o) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement del = c.prepareStatement("DELETE FROM routing_outcomes WHERE journey_id=?");
          PreparedStatement ins = c.prepareStatement("INSERT INTO routing_outcomes (journey_id, active_router,"
              + " initial_group, final_group, final_priority, rerouted, reopened, handed_off, ticket_created_at,"
              + " first_human_reply_at, sla_breached, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
        del.setString(1, o.journeyId());
        del.executeUpdate();
        int i = 1;
        ins.setString(i++, o.journeyId());
        ins.setString(i++, o.activeRouter());
        ins.setString(i++, o.initialGroup());
        ins.setString(i++, o.finalGroup());
        ins.setString(i++, o.finalPriority());
        ins.setBoolean(i++, o.rerouted());
        ins.setBoolean(i++, o.reopened());
        ins.setBoolean(i++, o.handedOff());
        ins.setObject(i++, odt(o.ticketCreatedAt()));
        ins.setObject(i++, odt(o.firstHumanReplyAt()));
        ins.setBoolean(i++, o.slaBreached());
        ins.setObject(i, odt(o.updatedAt()));
        ins.executeUpdate();
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Recording a routing outcome failed: " + e.getMessage(), e);
    }
  }

  /** Comparison rows of journeys whose first decision falls in [from, to) (either may be null). */
  public List<ComparisonRow> rows(Instant from, Instant to) {
    String sql = "SELECT d.journey_id, d.router, d.intent, d.group_name, d.handoff, d.language, d.channel,"
        + " d.active, d.decided_at, o.final_group, o.handed_off, o.ticket_created_at, o.first_human_reply_at,"
        + " o.sla_breached FROM routing_decisions d LEFT JOIN routing_outcomes o ON o.journey_id = d.journey_id"
        + " WHERE d.decision_no = (SELECT MAX(x.decision_no) FROM routing_decisions x"
        + " WHERE x.journey_id = d.journey_id AND x.router = d.router)"
        + (from == null ? "" : " AND d.decided_at >= ?") + (to == null ? "" : " AND d.decided_at < ?")
        + " ORDER BY d.journey_id";
    Map<String, Builder> byJourney = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      if (from != null) {
        ps.setObject(i++, odt(from));
      }
      if (to != null) {
        ps.setObject(i, odt(to));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Builder b = byJourney.computeIfAbsent(rs.getString(1), Builder::new);
          ComparisonRow.Decision d = new ComparisonRow.Decision(rs.getString(3), rs.getString(4), rs.getString(5));
          if (RoutingAssignment.RULES.equals(rs.getString(2))) {
            b.rules = d;
          } else {
            b.ai = d;
          }
          if (rs.getBoolean(8)) {
            b.active = rs.getString(2);
          }
          b.language = b.language != null ? b.language : rs.getString(6);
          b.channel = rs.getString(7);
          Instant at = instant(rs, 9);
          b.decidedAt = b.decidedAt == null || at.isBefore(b.decidedAt) ? at : b.decidedAt;
          b.finalGroup = rs.getString(10);
          b.handedOff = rs.getBoolean(11);
          Instant created = instant(rs, 12);
          Instant reply = instant(rs, 13);
          b.replySeconds = created != null && reply != null ? Duration.between(created, reply).toSeconds() : null;
          b.breached = rs.getBoolean(14);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading routing decisions failed: " + e.getMessage(), e);
    }
    List<ComparisonRow> out = new ArrayList<>();
    byJourney.values().forEach(b -> out.add(b.build()));
    return out;
  }

  private static final class Builder {
    final String journeyId;
    String language;
    String channel;
    String active;
    Instant decidedAt;
    ComparisonRow.Decision rules;
    ComparisonRow.Decision ai;
    String finalGroup;
    boolean handedOff;
    Long replySeconds;
    boolean breached;

    Builder(String journeyId) {
      this.journeyId = journeyId;
    }

    ComparisonRow build() {
      return new ComparisonRow(journeyId, language, channel, decidedAt, active, rules, ai, finalGroup, handedOff,
          replySeconds, breached);
    }
  }

  private static OffsetDateTime odt(Instant i) {
    return i == null ? null : i.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, int col) throws SQLException {
    OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
