package io.handoff.model;

/**
 * The two routers' decisions on a journey. {@code active} names the router that acted ("rules" or
 * "ai"); {@code agree} is true when both chose the same intent and group, null until both decided.
 */
public record RoutingView(RouterDecision rules, RouterDecision ai, String active, Boolean agree) {

  public static final RoutingView NONE = new RoutingView(null, null, null, null);

  /** One router's decision, as shown in the journey view and stored for the comparison report. */
  public record RouterDecision(
      String intent, String group, String handoff, Double confidence, String language, String priority,
      String classifier, String reason, Long latencyMs, Double costUsd) {}
}
