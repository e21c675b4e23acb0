package io.handoff.journey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mutable state a journey workflow owns. It is carried across continue-as-new, so every field is
 * a plain Jackson-serialisable value. Only workflow code mutates it.
 */
public class JourneyState {
  public String journeyId;
  public String conversationId;
  public Stage stage = Stage.MESSAGING;
  public Channel channel;
  public String language;
  public Customer customer;
  public Set<String> tags = new LinkedHashSet<>();
  public int messagesSent;
  public int customerMessages;
  public RoutingView routing = RoutingView.NONE;
  public TicketView ticket;
  public Map<String, SlaClockView> sla = new LinkedHashMap<>();
  public String sessionState = "active";
  public Instant startedAt;
  public Instant updatedAt;
  public int runs = 1;
  /** How many times this journey was re-created from the journal after a restart. */
  public int restores;
  public long timelineSeq;
  public long projectedSeq;
  public List<TimelineEntry> timeline = new ArrayList<>();
  /** Recent event ids, so an event re-sent after a continue-as-new is still recognised. */
  public List<String> recentEventIds = new ArrayList<>();
  /** Customer messages of the conversation so far (text only), for the classifiers. */
  public List<String> customerTexts = new ArrayList<>();

  static JourneyState start(String conversationId) {
    JourneyState s = new JourneyState();
    s.conversationId = conversationId;
    s.journeyId = JourneyIds.journeyId(conversationId);
    return s;
  }

  JourneyView view() {
    return new JourneyView(journeyId, conversationId, stage, channel == null ? null : channel.wireName(),
        language, List.copyOf(tags), messagesSent, routing, ticket, Map.copyOf(sla), sessionState, startedAt,
        updatedAt, runs, restores, List.copyOf(timeline));
  }
}
