package io.handoff.routing;

import io.handoff.jdbc.Jdbc;
import io.handoff.model.RoutingView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Routing decisions of both routers and the humans' final routing, for the comparison report. Writes
 * are idempotent (activities may retry them).
 */
@ApplicationScoped
public class RoutingStore {
  private final Jdbc jdbc;

  @Inject
  public RoutingStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** Stores one router's decision (keyed by journey, router and decision number; a retry writes nothing). */
  public void recordDecision(String journeyId, String router, int decisionNo, RoutingView.RouterDecision d,
      boolean active, String channel, Instant decidedAt) {
    String sql = "INSERT INTO routing_decisions (journey_id, router, decision_no, intent, group_name, handoff,"
        + " confidence, language, channel, priority, active, latency_ms, cost_usd, decided_at)"
        + " SELECT ?,?,?,?,?,?,?,?,?,?,?,?,?,? WHERE NOT EXISTS (SELECT 1 FROM routing_decisions"
        + " WHERE journey_id=? AND router=? AND decision_no=?)";
    // A concurrent write of the same decision that won the race (unique violation) leaves it recorded.
    jdbc.insertOnce("Recording a routing decision", sql, ps -> {
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
      ps.setObject(i++, Jdbc.utc(decidedAt));
      ps.setString(i++, journeyId);
      ps.setString(i++, router);
      ps.setInt(i, decisionNo);
    });
  }

  /** What the humans did with a journey's ticket so far; the latest write wins. */
  public record Outcome(
      String journeyId, String activeRouter, String initialGroup, String finalGroup, String finalPriority,
      boolean rerouted, boolean reopened, boolean handedOff, Instant ticketCreatedAt, Instant firstHumanReplyAt,
      boolean slaBreached, Instant updatedAt) {}

  public void recordOutcome(Outcome o) {
    jdbc.inTransaction("Recording a routing outcome", c -> {
      Jdbc.update(c, "DELETE FROM routing_outcomes WHERE journey_id=?", Jdbc.values(o.journeyId()));
      return Jdbc.update(c, "INSERT INTO routing_outcomes (journey_id, active_router, initial_group, final_group,"
          + " final_priority, rerouted, reopened, handed_off, ticket_created_at, first_human_reply_at, sla_breached,"
          + " updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", ps -> {
            int i = 1;
            ps.setString(i++, o.journeyId());
            ps.setString(i++, o.activeRouter());
            ps.setString(i++, o.initialGroup());
            ps.setString(i++, o.finalGroup());
            ps.setString(i++, o.finalPriority());
            ps.setBoolean(i++, o.rerouted());
            ps.setBoolean(i++, o.reopened());
            ps.setBoolean(i++, o.handedOff());
            ps.setObject(i++, Jdbc.utc(o.ticketCreatedAt()));
            ps.setObject(i++, Jdbc.utc(o.firstHumanReplyAt()));
            ps.setBoolean(i++, o.slaBreached());
            ps.setObject(i, Jdbc.utc(o.updatedAt()));
          });
    });
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
    List<Object> params = new ArrayList<>();
    if (from != null) {
      params.add(from);
    }
    if (to != null) {
      params.add(to);
    }
    jdbc.list("Reading routing decisions", sql, rs -> {
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
      Instant at = Jdbc.instant(rs, 9);
      b.decidedAt = b.decidedAt == null || at.isBefore(b.decidedAt) ? at : b.decidedAt;
      b.finalGroup = rs.getString(10);
      b.handedOff = rs.getBoolean(11);
      Instant created = Jdbc.instant(rs, 12);
      Instant reply = Jdbc.instant(rs, 13);
      b.replySeconds = created != null && reply != null ? Duration.between(created, reply).toSeconds() : null;
      b.breached = rs.getBoolean(14);
      return b;
    }, params.toArray());
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
}
