package io.handoff.sla;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.handoff.sla.clock.SlaClockFeed;
import io.handoff.sla.clock.SlaClockView;
import io.handoff.sla.clock.SlaClocks;
import io.handoff.sla.clock.SlaDeadline;
import io.handoff.sla.clock.SlaFiring;
import io.handoff.sla.policy.EscalationWire;
import io.handoff.sla.policy.SlaPolicies;
import io.handoff.sla.policy.SlaPolicyMatcher;
import io.handoff.sla.policy.SlaTargets;
import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketComment;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The SLA dry run: replays timestamped ticket updates through a directory's SLA policies with the
 * journey's own clock rules ({@link SlaClockFeed}, {@link SlaClocks}) and lists, per ticket and metric,
 * every instant a clock starts or is due, pauses, resumes, is fulfilled, warns and breaches. Pure: no
 * clock is read, time is the updates' own {@code at}; after the last update the clocks run on as if
 * nothing else happened, until {@code until} (or until every pending warning and breach has fired).
 */
public final class SlaDryRun {

  /**
   * One ticket update. {@code before} is null for the ticket's creation.
   *
   * @param id the input's id (dry-run line id or audit position), shown with its entries
   */
  public record Update(String id, String ticketId, Instant at, Ticket before, Ticket after, TicketComment comment) {}

  /**
   * One instant in a clock's life.
   *
   * @param kind {@code running} (started or resumed, with {@code dueAt}), {@code due} (the due instant moved),
   *     {@code paused}, {@code fulfilled}, {@code warning}, {@code breach}
   * @param percent the warning's percentage (100 for a breach), else null
   * @param event the update that caused it, or null for warnings and breaches (the clock itself)
   */
  public record Entry(Instant at, String metric, String kind, Instant dueAt, Integer percent, int cycle,
      String event, List<String> actions) {}

  /** One ticket: its policy and targets at the end, every entry in time order, and the clocks' final view. */
  public record TicketResult(String ticketId, String policy, String priority, List<Entry> entries,
      List<SlaClockView> end) {}

  /** Every ticket, in order of first appearance. */
  public record Report(List<TicketResult> tickets) {

    public String toJson() {
      try {
        return new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }

    public String toText() {
      StringBuilder s = new StringBuilder();
      for (TicketResult t : tickets) {
        s.append("ticket ").append(t.ticketId()).append(": policy ")
            .append(t.policy() == null ? "(none matches)" : "\"" + t.policy() + "\"")
            .append(", priority ").append(t.priority() == null ? "(none)" : t.priority()).append('\n');
        if (t.entries().isEmpty()) {
          s.append("  no clock with a target\n");
        }
        for (Entry e : t.entries()) {
          s.append(String.format(Locale.ROOT, "  %s  %-22s %s%n", e.at(), e.metric(), describe(e)));
        }
        for (SlaClockView v : t.end()) {
          s.append(String.format(Locale.ROOT, "  end  %-22s %s, target %s%s%s%s%n", v.metric().wireName(),
              v.state().name().toLowerCase(Locale.ROOT), v.target().toString().substring(2).toLowerCase(Locale.ROOT),
              v.businessHours() ? " business hours (" + v.schedule() + ")" : " calendar",
              v.dueAt() == null ? "" : ", due " + v.dueAt(), v.breached() ? ", BREACHED" : ""));
        }
        s.append('\n');
      }
      return s.toString();
    }

    private static String describe(Entry e) {
      String what = switch (e.kind()) {
        case "running" -> "running, due " + e.dueAt();
        case "due" -> "due " + e.dueAt();
        case "warning" -> "WARNING " + e.percent() + "%";
        case "breach" -> "BREACH";
        default -> e.kind();
      };
      String actions = e.actions().isEmpty() ? "" : " -> " + String.join(", ", e.actions());
      return what + actions + (e.event() == null ? "" : "  [" + e.event() + "]");
    }
  }

  private static final int MAX_FIRINGS = 10_000;

  private final SlaPolicies policies;
  private final SlaPolicyMatcher matcher;

  public SlaDryRun(SlaPolicies policies, SlaPolicyMatcher matcher) {
    this.policies = policies;
    this.matcher = matcher;
  }

  /** Runs every ticket's updates (in time order, stable) and projects its clocks up to {@code until} (null = all). */
  public Report run(List<Update> updates, Instant until) {
    Map<String, List<Update>> byTicket = new LinkedHashMap<>();
    updates.forEach(u -> byTicket.computeIfAbsent(u.ticketId(), k -> new ArrayList<>()).add(u));
    List<TicketResult> out = new ArrayList<>();
    byTicket.forEach((id, list) -> out.add(ticket(id, list.stream().sorted(Comparator.comparing(Update::at)).toList(),
        until)));
    return new Report(out);
  }

  private TicketResult ticket(String id, List<Update> updates, Instant until) {
    List<Entry> entries = new ArrayList<>();
    Update first = updates.get(0);
    Ticket start = first.before() == null ? first.after() : first.before();
    Instant createdAt = first.before() == null || start.createdAt() == null || start.createdAt().isAfter(first.at())
        ? first.at() : start.createdAt();
    SlaClocks clocks = SlaClocks.ticketCreated(createdAt, start.status(), targets(start.withUpdatedAt(createdAt)));
    Map<String, SlaClockView> seen = new HashMap<>();
    record(clocks, createdAt, seen, entries, first.before() == null ? first.id() : "created");
    Instant last = createdAt;
    for (Update u : updates) {
      Instant at = u.at().isBefore(last) ? last : u.at();
      fire(clocks, at, entries);
      if (u.before() != null) {
        SlaClockFeed.ticketUpdated(clocks, u.before(), u.after(), u.comment(), at,
            t -> targets(t.withUpdatedAt(at)), () -> true);
      }
      record(clocks, at, seen, entries, u.id());
      last = at;
    }
    fire(clocks, until, entries);
    Instant end = until != null ? until : entries.stream().map(Entry::at).max(Comparator.naturalOrder()).orElse(last);
    SlaTargets t = clocks.targets();
    return new TicketResult(id, t.policy(), t.priority() == null ? null : t.priority().wireName(), entries,
        clocks.view(end.isBefore(last) ? last : end));
  }

  private SlaTargets targets(Ticket t) {
    return policies.targetsFor(t, matcher);
  }

  /** Fires every deadline due up to {@code until} (null: every pending one), each at its own instant. */
  private static void fire(SlaClocks clocks, Instant until, List<Entry> entries) {
    for (int i = 0; i < MAX_FIRINGS; i++) {
      Optional<SlaDeadline> next = clocks.nextDeadline();
      if (next.isEmpty() || (until != null && next.get().at().isAfter(until))) {
        return;
      }
      for (SlaFiring f : clocks.fire(next.get().at())) {
        SlaDeadline d = f.deadline();
        entries.add(new Entry(d.at(), d.metric().wireName(), d.kind() == SlaDeadline.Kind.BREACH ? "breach" : "warning",
            null, d.percent(), d.cycle(), null, f.actions().stream().map(SlaDryRun::action).toList()));
      }
    }
  }

  private static String action(io.handoff.support.SupportAction action) {
    EscalationWire a = EscalationWire.of(action);
    String kind = a.kind().name().toLowerCase(Locale.ROOT);
    return a.value() == null ? kind : kind + " " + a.value();
  }

  /** Entries for what changed in each clock's view at {@code at}. */
  private static void record(SlaClocks clocks, Instant at, Map<String, SlaClockView> seen, List<Entry> entries,
      String event) {
    for (SlaClockView v : clocks.view(at)) {
      String metric = v.metric().wireName();
      SlaClockView was = seen.put(metric, v);
      boolean newCycle = was == null || was.cycle() != v.cycle();
      if (v.state() == SlaClockView.State.RUNNING && (newCycle || was.state() != SlaClockView.State.RUNNING)) {
        entries.add(new Entry(at, metric, "running", v.dueAt(), null, v.cycle(), event, List.of()));
      } else if (v.state() == SlaClockView.State.RUNNING && !Objects.equals(was.dueAt(), v.dueAt())) {
        entries.add(new Entry(at, metric, "due", v.dueAt(), null, v.cycle(), event, List.of()));
      } else if (v.state() == SlaClockView.State.PAUSED && (newCycle || was.state() != SlaClockView.State.PAUSED)) {
        entries.add(new Entry(at, metric, "paused", null, null, v.cycle(), event, List.of()));
      } else if (v.state() == SlaClockView.State.FULFILLED
          && (newCycle || was.state() != SlaClockView.State.FULFILLED)) {
        entries.add(new Entry(at, metric, "fulfilled", null, null, v.cycle(), event, List.of()));
      }
    }
  }
}
