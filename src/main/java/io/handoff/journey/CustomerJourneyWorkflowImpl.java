package io.handoff.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.handoff.temporal.SearchAttributes;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The journey state machine. Deterministic: no I/O, no clock but {@link Workflow#currentTimeMillis()},
 * no injection; every side effect is an activity, so each step is a named entry in the history.
 */
public class CustomerJourneyWorkflowImpl implements CustomerJourneyWorkflow {
  private static final int RECENT_EVENT_IDS = 500;
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

  private final JourneyActivities journeyActivities = Workflow.newActivityStub(JourneyActivities.class,
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(15))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumInterval(Duration.ofSeconds(30)).build())
          .build());

  private final JourneySettings settings;
  private final JourneyState state;
  private final Deque<JourneyEvent> inbox = new ArrayDeque<>();

  @WorkflowInit
  public CustomerJourneyWorkflowImpl(JourneyInput input) {
    this.settings = input.settings() == null ? JourneySettings.DEFAULTS : input.settings();
    if (input.carried() != null) {
      this.state = input.carried();
      this.state.runs++;
    } else {
      this.state = JourneyState.start(input.conversationId());
      this.state.startedAt = now();
      this.state.updatedAt = state.startedAt;
      this.state.restores = input.restores();
    }
    if (input.pending() != null) {
      inbox.addAll(input.pending());
    }
  }

  @Override
  public void run(JourneyInput input) {
    publishSearchAttributes();
    while (state.stage != Stage.CLOSED) {
      Workflow.await(() -> !inbox.isEmpty());
      JourneyEvent event = inbox.poll();
      handle(event);
      project();
      if (shouldContinueAsNew()) {
        Workflow.await(Workflow::isEveryHandlerFinished);
        List<JourneyEvent> pending = new ArrayList<>(inbox);
        Workflow.continueAsNew(new JourneyInput(state.conversationId, settings, state, pending, state.restores));
      }
    }
    project();
  }

  @Override
  public EventAck eventReceived(JourneyEvent event) {
    if (state.recentEventIds.contains(event.eventId())) {
      return new EventAck(state.journeyId, event.eventId(), true, state.stage);
    }
    state.recentEventIds.add(event.eventId());
    if (state.recentEventIds.size() > RECENT_EVENT_IDS) {
      state.recentEventIds.remove(0);
    }
    Instant at = event.occurredAt() != null ? event.occurredAt() : now();
    addTimeline(at, "event." + event.type().wireName(), event.text(), eventTrace(event));
    inbox.add(event);
    return new EventAck(state.journeyId, event.eventId(), false, state.stage);
  }

  @Override
  public void validateEventReceived(JourneyEvent event) {
    if (event == null || event.eventId() == null || event.type() == null) {
      throw new IllegalArgumentException("an event needs an eventId and a type");
    }
    if (state.stage == Stage.CLOSED) {
      throw new IllegalStateException("journey " + state.journeyId + " is closed");
    }
  }

  @Override
  public JourneyView getView() {
    return state.view();
  }

  private void handle(JourneyEvent event) {
    state.updatedAt = now();
    if (event.channel() != null && state.channel == null) {
      state.channel = event.channel();
    }
    if (event.customer() != null) {
      state.customer = event.customer();
    }
    switch (event.type()) {
      case MESSAGE_RECEIVED, CUSTOMER_REPLIED -> {
        state.customerMessages++;
        if (event.text() != null) {
          state.customerTexts.add(event.text());
        }
        if (state.stage == Stage.MESSAGING) {
          enterStage(Stage.AI_TRIAGE, "customer message awaiting triage");
        }
      }
      case CONVERSATION_ENDED -> state.sessionState = "ended";
      default -> { }
    }
    publishSearchAttributes();
  }

  private void enterStage(Stage next, String why) {
    if (state.stage == next) {
      return;
    }
    Stage previous = state.stage;
    state.stage = next;
    addTimeline(now(), "stage." + next.name().toLowerCase(java.util.Locale.ROOT),
        previous + " → " + next + ": " + why, null);
    publishSearchAttributes();
  }

  private void addTimeline(Instant at, String step, String text, JsonNode trace) {
    state.timelineSeq++;
    state.timeline.add(new TimelineEntry(state.timelineSeq, at, step, text, trace));
    state.updatedAt = now();
  }

  /** Writes the view and the timeline entries not yet projected to the journey index. */
  private void project() {
    List<TimelineEntry> fresh = new ArrayList<>();
    for (TimelineEntry e : state.timeline) {
      if (e.seq() > state.projectedSeq) {
        fresh.add(e);
      }
    }
    JourneyView view = state.view();
    JourneyView summary = new JourneyView(view.journeyId(), view.conversationId(), view.stage(), view.channel(),
        view.language(), view.tags(), view.messagesSent(), view.routing(), view.ticket(), view.sla(),
        view.sessionState(), view.startedAt(), view.updatedAt(), view.runs(), view.restores(), List.of());
    journeyActivities.project(new JourneyProjection(summary, fresh, state.timelineSeq));
    state.projectedSeq = state.timelineSeq;
    trimTimeline();
  }

  private void trimTimeline() {
    int excess = state.timeline.size() - settings.timelineInState();
    if (excess > 0) {
      state.timeline.subList(0, excess).clear();
    }
  }

  private boolean shouldContinueAsNew() {
    return Workflow.getInfo().getHistoryLength() > settings.continueAsNewAfterEvents()
        || Workflow.getInfo().isContinueAsNewSuggested();
  }

  private void publishSearchAttributes() {
    Workflow.upsertTypedSearchAttributes(
        SearchAttributes.STAGE.valueSet(state.stage.name()),
        state.channel == null ? SearchAttributes.CHANNEL.valueUnset()
            : SearchAttributes.CHANNEL.valueSet(state.channel.wireName()),
        state.language == null ? SearchAttributes.LANGUAGE.valueUnset()
            : SearchAttributes.LANGUAGE.valueSet(state.language));
    Workflow.setCurrentDetails(currentDetails());
  }

  private String currentDetails() {
    StringBuilder sb = new StringBuilder();
    sb.append("**Stage:** ").append(state.stage).append("  \n");
    sb.append("**Messages:** ").append(state.customerMessages).append(" in, ")
        .append(state.messagesSent).append(" out  \n");
    if (!state.tags.isEmpty()) {
      sb.append("**Tags:** ").append(String.join(", ", state.tags)).append("  \n");
    }
    if (state.ticket != null) {
      sb.append("**Ticket:** #").append(state.ticket.id()).append(' ').append(state.ticket.status())
          .append(' ').append(state.ticket.priority()).append("  \n");
    }
    return sb.toString();
  }

  private static JsonNode eventTrace(JourneyEvent e) {
    var node = JSON.createObjectNode();
    node.put("eventId", e.eventId());
    node.put("type", e.type().wireName());
    if (e.channel() != null) {
      node.put("channel", e.channel().wireName());
    }
    if (e.pageUrl() != null) {
      node.put("pageUrl", e.pageUrl());
    }
    if (e.agent() != null) {
      node.put("agent", e.agent().id());
    }
    return node;
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
