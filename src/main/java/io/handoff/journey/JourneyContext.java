package io.handoff.journey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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

  /** A key for a side effect, stable across retries, replays and restores: journey + step. */
  String key(String step) {
    return state.journeyId + "/" + step;
  }
}
