package io.handoff.journey;

import io.handoff.model.EventType;
import io.handoff.model.JourneyEvent;
import io.handoff.problem.FieldError;
import io.handoff.ticket.TextLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The limits every inbound event and comment meets, whatever its entry point (REST, Sunshine and
 * Zendesk webhooks): conversation ids like REST path ids, event ids of 1-128 characters without
 * control characters, texts of at most {@link TextLimits#MAX_TEXT} characters.
 */
public final class EventLimits {
  private EventLimits() {}

  /** Every limit the event breaks, each naming its field; empty when the event is acceptable. */
  public static List<FieldError> problems(JourneyEvent event) {
    List<FieldError> out = new ArrayList<>();
    if (!JourneyIds.isValidConversationId(event.conversationId())) {
      out.add(new FieldError("conversationId", "must be 1-128 characters of letters, digits, '.', '_', ':', '@' or '-'"));
    }
    String id = event.eventId();
    if (id == null || id.isBlank() || id.length() > 128 || id.chars().anyMatch(Character::isISOControl)) {
      out.add(new FieldError("eventId", "must be 1-128 characters without control characters"));
    }
    FieldError text = TextLimits.text("text", event.text());
    if (text != null) {
      out.add(text);
    }
    return out;
  }

  /**
   * Whether this event may be a conversation's first: {@code conversation.started} and
   * {@code message.received}. Any other event for a conversation Handoff never saw is refused rather
   * than starting an empty journey.
   */
  public static boolean opensJourney(EventType type) {
    return type == EventType.CONVERSATION_STARTED || type == EventType.MESSAGE_RECEIVED;
  }

  /** At most this many events in one replay ({@code POST /api/conversations/{id}/replay}). */
  public static final int MAX_REPLAY_EVENTS = 200;

  /**
   * How far ahead of the server's clock a replayed event's {@code occurredAt} may be (clients' clocks
   * drift): such an event is accepted and processed at its receive time; later ones are refused.
   */
  public static final Duration REPLAY_CLOCK_SKEW = Duration.ofSeconds(60);

  /** The problem of a replay holding {@code size} events (none, or more than {@link #MAX_REPLAY_EVENTS}), or null. */
  public static FieldError replayCountProblem(int size) {
    return size == 0 ? new FieldError("events", "must hold at least one event")
        : size > MAX_REPLAY_EVENTS ? new FieldError("events", "at most " + MAX_REPLAY_EVENTS + " events per replay, not "
            + size) : null;
  }

  /**
   * Every problem of a replay of a past conversation, each naming its field ({@code events[2].occurredAt}):
   * the limits of {@link #problems} for each event, at most {@link #MAX_REPLAY_EVENTS} events, each with its
   * {@code occurredAt}, in time order (equal times keep their order), none later than {@code now} plus
   * {@link #REPLAY_CLOCK_SKEW}, event ids unique, all of one conversation, the first one able to open a
   * journey ({@link #opensJourney}). Empty when the replay is acceptable.
   */
  public static List<FieldError> replayProblems(List<JourneyEvent> events, Instant now) {
    List<FieldError> out = new ArrayList<>();
    FieldError count = replayCountProblem(events.size());
    if (count != null) {
      out.add(count);
      return out;
    }
    Instant latest = now.plus(REPLAY_CLOCK_SKEW);
    Map<String, Integer> ids = new HashMap<>();
    Instant previous = null;
    int previousIndex = -1;
    for (int i = 0; i < events.size(); i++) {
      JourneyEvent e = events.get(i);
      String at = "events[" + i + "].";
      for (FieldError f : problems(e)) {
        out.add(new FieldError(at + f.field(), f.message()));
      }
      if (!e.conversationId().equals(events.get(0).conversationId())) {
        out.add(new FieldError(at + "conversationId", "every replayed event belongs to conversation "
            + events.get(0).conversationId()));
      }
      if (i == 0 && e.type() != null && !opensJourney(e.type())) {
        out.add(new FieldError(at + "type", e.type().wireName() + " cannot open a journey: a replay starts with"
            + " conversation.started or message.received"));
      }
      Integer first = e.eventId() == null ? null : ids.putIfAbsent(e.eventId(), i);
      if (first != null) {
        out.add(new FieldError(at + "eventId", "\"" + e.eventId() + "\" is already the id of events[" + first + "]"));
      }
      Instant occurred = e.occurredAt();
      if (occurred == null) {
        out.add(new FieldError(at + "occurredAt", "is required in a replay: the time the event happened"));
        continue;
      }
      if (occurred.isAfter(latest)) {
        out.add(new FieldError(at + "occurredAt", occurred + " is in the future (the server's clock says " + now
            + "; at most " + REPLAY_CLOCK_SKEW.toSeconds() + " s ahead is accepted)"));
      }
      if (previous != null && occurred.isBefore(previous)) {
        out.add(new FieldError(at + "occurredAt", occurred + " is before events[" + previousIndex + "].occurredAt "
            + previous + ": give the events in time order"));
      }
      previous = occurred;
      previousIndex = i;
    }
    return out;
  }
}
