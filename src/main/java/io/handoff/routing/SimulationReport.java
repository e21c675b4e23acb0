package io.handoff.routing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How recorded conversations would be routed by the current setup and, optionally, a candidate.
 *
 * @param changed conversations whose outcome (tags, either router's intent, group or handoff) differs
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SimulationReport(int conversations, Side current, Side candidate, int changed, List<Result> results) {

  public SimulationReport {
    results = List.copyOf(results);
  }

  /** One setup: where its files came from and the comparison figures over all conversations. */
  public record Side(String workflows, String prompts, String ruleSetVersion, ComparisonReport report) {}

  /** One conversation under the current setup and (when given) the candidate. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Result(String conversationId, String finalGroup, Outcome current, Outcome candidate,
      boolean changed) {}

  /**
   * What one setup would do with a conversation.
   *
   * @param decidedAtMessage 1-based message after which the routers' decisions are shown: the first at
   *     which either hands off, else the last
   * @param aiReply what the AI would say to the customer when it keeps the conversation
   *     ({@code prompts/replies.yaml}); null when it hands off or has no reply for the case
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Outcome(List<String> tags, String language, ComparisonRow.Decision rules,
      ComparisonRow.Decision ai, boolean agree, int decidedAtMessage, String aiReply) {}
}
