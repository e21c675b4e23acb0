package io.handoff.journey;

import io.handoff.temporal.SearchAttributes;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a journey shows outside its workflow: the search attributes and the current details (Markdown) seen in
 * the Temporal UI ({@link #publish}; the routing ones after triage, {@link #publishRouting}), and the projection of its view and new timeline entries to the journey
 * index ({@link #project}, an activity). Owned by one workflow instance: deterministic.
 */
final class JourneyProjector {
  private final JourneyContext ctx;
  private final JourneyClocks clocks;

  JourneyProjector(JourneyContext ctx, JourneyClocks clocks) {
    this.ctx = ctx;
    this.clocks = clocks;
  }

  /** Upserts the search attributes (stage, channel, language, ticket, priority, SLA) and sets the details. */
  void publish() {
    JourneyState state = ctx.state;
    Optional<JourneyClocks.Due> due = clocks.next();
    Workflow.upsertTypedSearchAttributes(
        SearchAttributes.STAGE.valueSet(state.stage.name()),
        state.channel == null ? SearchAttributes.CHANNEL.valueUnset()
            : SearchAttributes.CHANNEL.valueSet(state.channel.wireName()),
        state.language == null ? SearchAttributes.LANGUAGE.valueUnset()
            : SearchAttributes.LANGUAGE.valueSet(state.language),
        state.ticket == null ? SearchAttributes.TICKET_ID.valueUnset()
            : SearchAttributes.TICKET_ID.valueSet(state.ticket.id()),
        state.ticket == null || state.ticket.priority() == null ? SearchAttributes.PRIORITY.valueUnset()
            : SearchAttributes.PRIORITY.valueSet(state.ticket.priority().wireName()),
        SearchAttributes.SLA_BREACHED.valueSet(state.slaBreached),
        due.isEmpty() ? SearchAttributes.SLA_NEXT_DUE.valueUnset()
            : SearchAttributes.SLA_NEXT_DUE.valueSet(due.get().at().atOffset(ZoneOffset.UTC)));
    Workflow.setCurrentDetails(details(due));
  }

  /** Upserts the routing search attributes: the acting router's intent and whether both routers agree. */
  static void publishRouting(String intent, boolean agree) {
    Workflow.upsertTypedSearchAttributes(
        SearchAttributes.INTENT.valueSet(intent),
        SearchAttributes.ROUTING_AGREEMENT.valueSet(agree ? "agree" : "disagree"));
  }

  private String details(Optional<JourneyClocks.Due> due) {
    JourneyState state = ctx.state;
    StringBuilder sb = new StringBuilder();
    sb.append("**Stage:** ").append(state.stage).append("  \n");
    sb.append("**Messages:** ").append(state.customerMessages).append(" in, ").append(state.messagesSent)
        .append(" out  \n");
    if (state.routing.active() != null) {
      sb.append("**Routing:** ").append(state.routing.active()).append(" acts; rules and AI ")
          .append(Boolean.TRUE.equals(state.routing.agree()) ? "agree" : "disagree").append("  \n");
    }
    if (!state.tags.isEmpty()) {
      sb.append("**Tags:** ").append(String.join(", ", state.tags)).append("  \n");
    }
    if (state.ticket != null) {
      sb.append("**Ticket:** #").append(state.ticket.id()).append(' ').append(state.ticket.status().wireName())
          .append(", ").append(state.ticket.priority() == null ? "no priority" : state.ticket.priority().wireName())
          .append(", ").append(state.ticket.group()).append("  \n");
    }
    due.ifPresent(d -> sb.append("**Next:** ").append(d.summary()).append(" at ").append(d.at()).append("  \n"));
    if (state.slaBreached) {
      sb.append("**SLA breached**  \n");
    }
    return sb.toString();
  }

  /**
   * Writes the view and the timeline entries not yet projected to the journey index (nothing when there are
   * none, except the first time), then keeps at most {@code timelineInState} entries in the state.
   */
  void project() {
    JourneyState state = ctx.state;
    List<TimelineEntry> fresh = new ArrayList<>();
    for (TimelineEntry e : state.timeline) {
      if (e.seq() > state.projectedSeq) {
        fresh.add(e);
      }
    }
    if (fresh.isEmpty() && state.projectedSeq > 0) {
      return;
    }
    JourneyView view = state.view();
    JourneyView summary = view.withTimeline(List.of());
    // A restored journey numbers its timeline again from 1; its restore count keeps its projections newer.
    long version = state.restores * 1_000_000_000L + state.timelineSeq;
    // The snapshot leaves the timeline out (it is in the index): the activity's input is serialized when
    // it is scheduled, so the timeline is detached only for that instant, before any handler can run.
    state.projectedSeq = state.timelineSeq;
    List<TimelineEntry> timeline = state.timeline;
    state.timeline = new ArrayList<>();
    Promise<Void> projected;
    try {
      projected = Async.procedure(ctx.stubs.journey::project, new JourneyProjection(summary, fresh, version, state));
    } finally {
      state.timeline = timeline;
    }
    projected.get();
    int excess = state.timeline.size() - ctx.settings.timelineInState();
    if (excess > 0) {
      state.timeline.subList(0, excess).clear();
    }
  }
}
