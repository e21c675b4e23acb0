package io.handoff.bench.fault;

import java.util.List;

/**
 * The journeys the fault harness drives: three kinds whose final stage does not depend on whether
 * the LLM answered or the offline classifier stood in for it, so every journey's expected stage is
 * known in advance. Each journey is a conversation start and two customer messages.
 */
public enum FaultJourneys {
  /** An enterprise customer asks about pricing: always human by tier, ticket in group sales. */
  PRICING_ENTERPRISE("enterprise", "TICKETED",
      List.of("How much does the Enterprise plan cost for 50 seats?", "We would also need single sign-on."),
      "pricing_sales", "HANDOFF_TO_HUMAN"),
  /** A customer asks for a person: human_request is an always-human intent. */
  HUMAN_REQUEST("standard", "TICKETED",
      List.of("I want to talk to a human agent, please.", "Please connect me to a real person."),
      "human_request", "HANDOFF_TO_HUMAN"),
  /** A delivery question the AI answers: the journey stays in messaging, no ticket. */
  ORDER_STATUS("standard", "MESSAGING",
      List.of("Where is my order? The tracking number shows no update since Monday.",
          "Can you tell me when my parcel will be delivered?"),
      "order_delivery", "AI_RESOLVES");

  public final String tier;
  public final String expectedStage;
  public final List<String> messages;
  private final String intent;
  private final String handoff;

  FaultJourneys(String tier, String expectedStage, List<String> messages, String intent, String handoff) {
    this.tier = tier;
    this.expectedStage = expectedStage;
    this.messages = messages;
    this.intent = intent;
    this.handoff = handoff;
  }

  public boolean ticketed() {
    return expectedStage.equals("TICKETED");
  }

  /** The kind of journey number {@code i}: 40 % pricing, 30 % human request, 30 % order status. */
  public static FaultJourneys of(int i) {
    int k = i % 10;
    return k < 4 ? PRICING_ENTERPRISE : k < 7 ? HUMAN_REQUEST : ORDER_STATUS;
  }

  /** The verdict a good model gives for a chat-completions request that carries this conversation. */
  static String verdictFor(String requestBody) {
    for (FaultJourneys j : values()) {
      if (requestBody.contains(j.messages.get(0))) {
        return "{\"intent\":\"" + j.intent + "\",\"intents\":[\"" + j.intent + "\"],\"confidence\":0.93,"
            + "\"language\":\"en\",\"urgency\":\"NORMAL\",\"handoff\":\"" + j.handoff + "\","
            + "\"reason\":\"The customer's request is clearly " + j.intent + ".\"}";
      }
    }
    return "{\"intent\":\"other\",\"intents\":[\"other\"],\"confidence\":0.5,\"language\":\"en\","
        + "\"urgency\":\"NORMAL\",\"handoff\":\"HANDOFF_TO_HUMAN\",\"reason\":\"Unclear request.\"}";
  }
}
