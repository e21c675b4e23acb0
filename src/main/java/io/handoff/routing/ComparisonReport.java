package io.handoff.routing;

import java.util.Map;

/**
 * The rules-vs-AI comparison. Rates are fractions (0-1) or null when nothing was scored.
 *
 * @param agreement share of journeys where both routers chose the same intent and group
 * @param routers per router ("rules", "ai")
 * @param byLanguage, byIntent, byChannel, byDay the same figures split (intent = the AI's intent)
 * @param confusion counts of (rules group, AI group, final human group) combinations
 */
public record ComparisonReport(
    int journeys, int bothDecided, Double agreement, Map<String, RouterScore> routers,
    Map<String, Slice> byLanguage, Map<String, Slice> byIntent, Map<String, Slice> byChannel,
    Map<String, Slice> byDay, java.util.List<ConfusionCell> confusion) {

  /** How many journeys had this combination of rules group, AI group and final human group. */
  public record ConfusionCell(String rules, String ai, String human, int journeys) {}

  /**
   * One router's figures. {@code accuracy}: its group equals the final human group, over journeys with a
   * final group. {@code handoffRate}: share of its decisions that hand off to a human. The acting
   * figures cover journeys where this router acted: median time to first human reply and SLA breaches.
   */
  public record RouterScore(
      int decided, int scored, Double accuracy, Double handoffRate, int acted, Long medianFirstHumanReplySeconds,
      int slaBreachesWhenActing) {}

  /**
   * Figures of one slice, each rate with its n: {@code bothDecided} journeys for the agreement,
   * {@code rulesScored} / {@code aiScored} journeys with a final human group for the accuracies.
   */
  public record Slice(int journeys, Double agreement, Double rulesAccuracy, Double aiAccuracy, int bothDecided,
      int rulesScored, int aiScored) {}
}
