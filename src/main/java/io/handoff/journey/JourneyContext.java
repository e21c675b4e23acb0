package io.handoff.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.handoff.model.Stage;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.Locale;

/**
 * What the journey's steps share inside one workflow run: the state, the settings, the activity stubs
 * and the timeline. Workflow code only: deterministic, no I/O.
 */
final class JourneyContext {
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  final JourneyState state;
  final JourneySettings settings;
  final JourneyStubs stubs;
  /** Issue 15's robustness is on (journeys recorded before it replay without; see {@link CustomerJourneyWorkflowImpl#ROBUST}). */
  boolean robust;

  JourneyContext(JourneyState state, JourneySettings settings, JourneyStubs stubs) {
    this.state = state;
    this.settings = settings;
    this.stubs = stubs;
  }

  /** Loads Jackson's classes outside a workflow task, so the first journey does not trip deadlock detection. */
  static void warmUp() {
    JSON.valueToTree(new TimelineEntry(0, Instant.EPOCH, "warm-up", null, null));
  }

  static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }

  /** Appends a timeline entry; {@code trace} is any serialisable decision trace, or null. */
  void timeline(Instant at, String step, String text, Object trace) {
    JsonNode node = trace == null ? null : trace instanceof JsonNode j ? j : JSON.valueToTree(trace);
    state.timelineSeq++;
    state.timeline.add(new TimelineEntry(state.timelineSeq, at, step, text, node));
    state.updatedAt = at.isAfter(now()) ? at : now();
  }

  void enterStage(Stage next, Instant at, String why) {
    if (state.stage == next) {
      return;
    }
    Stage previous = state.stage;
    state.stage = next;
    timeline(at, "stage." + next.name().toLowerCase(Locale.ROOT), previous + " → " + next + ": " + why, null);
  }

  /**
   * Sends a notification. With {@link #robust}, a delivery that still fails after its bounded retries (an
   * unreachable webhook, a refused e-mail) is a {@code notification.failed} timeline entry (counted in
   * {@code handoff.notifications.failed}) and the journey goes on; returns whether it was delivered.
   */
  boolean notify(io.handoff.support.Notification n, Instant at, java.util.Map<String, String> origin) {
    if (!robust) {
      stubs.notifications.send(n);
      return true;
    }
    try {
      stubs.boundedNotifications.send(n);
      return true;
    } catch (io.temporal.failure.ActivityFailure f) {
      java.util.Map<String, String> trace = new java.util.TreeMap<>(origin);
      trace.put("kind", n.kind().name().toLowerCase(Locale.ROOT));
      trace.put("recipient", String.valueOf(n.recipient()));
      trace.put("idempotencyKey", n.idempotencyKey());
      String error = failureMessage(f);
      trace.put("error", error);
      timeline(at, "notification.failed", n.kind().name().toLowerCase(Locale.ROOT) + " " + n.recipientType() + " "
          + java.util.Objects.toString(n.recipient(), "") + " not delivered: " + error, trace);
      return false;
    }
  }

  /** What an activity's failure says: the original message of the application failure behind it. */
  static String failureMessage(io.temporal.failure.ActivityFailure f) {
    Throwable c = f.getCause() != null ? f.getCause() : f;
    return c instanceof io.temporal.failure.ApplicationFailure a ? a.getOriginalMessage()
        : String.valueOf(c.getMessage());
  }

  /** A key for a side effect, stable across retries, replays and restores: journey + step. */
  String key(String step) {
    return state.journeyId + "/" + step;
  }
}
