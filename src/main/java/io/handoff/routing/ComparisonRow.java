package io.handoff.routing;

import java.time.Instant;

/**
 * One journey as the comparison sees it: both routers' decisions (null when a router did not decide)
 * and what the humans finally did.
 */
public record ComparisonRow(
    String journeyId, String language, String channel, Instant decidedAt, String activeRouter,
    Decision rules, Decision ai, String finalGroup, boolean handedOff, Long firstHumanReplySeconds,
    boolean slaBreached) {

  /** A router's decision: intent, group and handoff decision name. */
  public record Decision(String intent, String group, String handoff) {}
}
