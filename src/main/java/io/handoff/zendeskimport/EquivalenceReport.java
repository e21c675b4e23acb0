package io.handoff.zendeskimport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of an equivalence check: per ticket and per update, Handoff's effects next to the
 * recorded ones and what differs, with overall counts.
 *
 * @param ruleSetVersion the hash of the rules checked
 * @param recordedBy {@code zendesk}, or {@code journeys (rule set <hash>)}
 * @param skippedEvents recorded events that are not ticket updates (messaging events)
 */
public record EquivalenceReport(String ruleSetVersion, String recordedBy, List<Equivalence.TicketResult> tickets,
    int skippedEvents) {

  public EquivalenceReport {
    tickets = List.copyOf(tickets);
  }

  public int ticketsMatching() {
    return (int) tickets.stream().filter(Equivalence.TicketResult::matches).count();
  }

  public int updates() {
    return tickets.stream().mapToInt(t -> t.updates().size()).sum();
  }

  public int updatesMatching() {
    return (int) tickets.stream().flatMap(t -> t.updates().stream()).filter(Equivalence.UpdateResult::matches).count();
  }

  /** True when every update of every ticket matches. */
  public boolean allMatch() {
    return ticketsMatching() == tickets.size();
  }

  /** Human-readable report: counts, then each ticket with its updates. */
  public String toText() {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "Equivalence of rule set %s with %s: %d of %d tickets match, %d of %d updates%s%n", ruleSetVersion, recordedBy,
        ticketsMatching(), tickets.size(), updatesMatching(), updates(),
        skippedEvents == 0 ? "" : " (" + skippedEvents + " messaging events skipped)"));
    String other = recordedBy.startsWith("zendesk") ? "zendesk" : "journeys";
    for (Equivalence.TicketResult t : tickets) {
      s.append("\nticket ").append(t.ticketId()).append(": ").append(t.matches() ? "match" : "DIFFERENT").append('\n');
      for (Equivalence.UpdateResult u : t.updates()) {
        s.append("  update ").append(u.id()).append(u.at() == null ? "" : " at " + u.at())
            .append(u.matches() ? "" : " (" + u.where() + ")").append('\n');
        s.append("    handoff:  ").append(u.handoff().summary()).append('\n');
        s.append("    ").append(String.format(Locale.ROOT, "%-9s", other + ":")).append(' ')
            .append(u.recorded().summary()).append('\n');
        s.append("    triggers: handoff ").append(u.handoff().triggers()).append(", ").append(other).append(' ')
            .append(u.recorded().triggers()).append('\n');
        u.differences().forEach(d -> s.append("    differs: ").append(d).append('\n'));
      }
    }
    return s.toString();
  }

  /** The report as indented JSON, with the counts. */
  public String toJson() {
    try {
      return new ObjectMapper().registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(new Json(ruleSetVersion, recordedBy, tickets.size(), ticketsMatching(), updates(),
              updatesMatching(), skippedEvents, tickets));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Json(String ruleSetVersion, String recordedBy, int tickets, int ticketsMatching, int updates,
      int updatesMatching, int skippedEvents, List<Equivalence.TicketResult> results) {}
}
