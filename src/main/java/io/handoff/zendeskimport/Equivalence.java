package io.handoff.zendeskimport;

import io.handoff.dryrun.DryRun;
import io.handoff.dryrun.DryRunEvent;
import io.handoff.rules.RuleSet;
import io.handoff.support.TicketUpdate;
import io.handoff.trigger.BusinessCalendar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The equivalence check (issue 9 item 5): replays recorded ticket updates through a rule set in a dry
 * run (the trigger kernel's {@link DryRun}: nothing is sent or saved) and compares, update by update,
 * the fields, tags, notifications and comments the rules produce with what was recorded: Zendesk's
 * trigger events in ticket audits, or for Handoff's own journeys the outcome of the rules they ran with.
 * Rendered subjects and bodies of notifications and comments are compared too; a recorded text that is
 * still a template (Zendesk's audits may keep it as the trigger wrote it) is rendered for the update first.
 * Webhook request bodies are compared where both sides rendered them (journeys: as JSON when both are
 * JSON), with the webhook and endpoint; Zendesk's webhook events are counted only, as their fields are
 * not confirmed by Zendesk's docs (docs/zendesk-import.md, "Equivalence check").
 */
public final class Equivalence {

  /** One update: both outcomes and their differences (empty = they match). */
  public record UpdateResult(String id, Instant at, String where, RuleEffects handoff, RuleEffects recorded,
      List<String> differences) {

    @com.fasterxml.jackson.annotation.JsonProperty("matches")
    public boolean matches() {
      return differences.isEmpty();
    }
  }

  /** One ticket: it matches when every update does. */
  public record TicketResult(String ticketId, boolean matches, List<UpdateResult> updates) {}

  private final RuleSet rules;
  private final DryRun dryRun;
  private final io.handoff.support.SupportEngine engine;

  public Equivalence(RuleSet rules, BusinessCalendar calendar) {
    this(rules, calendar, io.handoff.support.DirectoryNames.IDS);
  }

  /**
   * With the helpdesk directory's names and account, so texts render as the service renders them
   * ({@code {{ticket.group.name}}}, {@code {{ticket.account}}}, {@code {{ticket.link}}}).
   */
  public Equivalence(RuleSet rules, BusinessCalendar calendar, io.handoff.support.DirectoryNames names) {
    this.rules = rules;
    this.dryRun = new DryRun(calendar, names);
    this.engine = new io.handoff.support.SupportEngine(rules.support()).withNames(names);
  }

  /** Compares with Zendesk's recorded trigger events. */
  public EquivalenceReport zendesk(List<AuditReplay.RecordedTicket> tickets) {
    List<TicketResult> out = new ArrayList<>();
    for (AuditReplay.RecordedTicket t : tickets) {
      List<UpdateResult> updates = new ArrayList<>();
      for (AuditReplay.Step s : t.steps()) {
        io.handoff.support.SupportDecision d = dryRun.support(rules, s.update());
        RuleEffects handoff = RuleEffects.of(s.update().after(), d);
        // Zendesk's audits may keep a notification's text as the trigger wrote it: render it for this update
        RuleEffects recorded = s.recorded().withTemplatesRendered(text -> engine.render(text, d.ticket(), s.update()));
        updates.add(new UpdateResult(s.id(), s.at(), s.where(), handoff, recorded,
            handoff.differences(recorded, "zendesk")));
      }
      out.add(ticket(t.ticketId(), updates));
    }
    return new EquivalenceReport(rules.version(), "zendesk", out, 0);
  }

  /**
   * Compares over Handoff's recorded events (the {@code dry-run} JSONL): each ticket update is run
   * through these rules and through {@code recordedRules}, the rules the journeys ran with. Messaging
   * events are counted as skipped.
   */
  public EquivalenceReport journeys(List<DryRunEvent> events, RuleSet recordedRules) {
    Map<String, List<UpdateResult>> byTicket = new LinkedHashMap<>();
    int skipped = 0;
    for (DryRunEvent e : events) {
      if (!"support".equals(e.kind())) {
        skipped++;
        continue;
      }
      TicketUpdate u = e.update();
      RuleEffects handoff = evaluate(rules, u);
      RuleEffects recorded = evaluate(recordedRules, u);
      String ticket = u.after().id() == null ? e.id() : u.after().id();
      byTicket.computeIfAbsent(ticket, k -> new ArrayList<>()).add(new UpdateResult(e.id(), u.at(), e.id(), handoff,
          recorded, handoff.differences(recorded, "journeys")));
    }
    List<TicketResult> out = new ArrayList<>();
    byTicket.forEach((id, updates) -> out.add(ticket(id, updates)));
    return new EquivalenceReport(rules.version(), "journeys (rule set " + recordedRules.version() + ")", out, skipped);
  }

  private RuleEffects evaluate(RuleSet set, TicketUpdate u) {
    return RuleEffects.of(u.after(), dryRun.support(set, u));
  }

  private static TicketResult ticket(String id, List<UpdateResult> updates) {
    return new TicketResult(id, updates.stream().allMatch(UpdateResult::matches), updates);
  }
}
