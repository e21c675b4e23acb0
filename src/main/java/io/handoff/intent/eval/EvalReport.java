package io.handoff.intent.eval;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The eval command's result. Serialises to exactly the JSON documented in docs/ai-eval.md ("The eval
 * command"); fields that do not apply are null. The confusion summary is for the text output only.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"classifier", "examples", "accuracy", "macroF1", "microF1", "handoff", "latencyMs", "perLanguage"})
public record EvalReport(
    String classifier,
    int examples,
    Double accuracy,
    Double macroF1,
    Double microF1,
    Handoff handoff,
    Latency latencyMs,
    Map<String, LanguageScores> perLanguage,
    @JsonIgnore List<String> confusions) {

  /** Handoff precision and recall for the {@code --handoff-label}; both null without one. */
  public record Handoff(Double precision, Double recall) {}

  public record Latency(Double p50, Double p95) {}

  @JsonPropertyOrder({"examples", "accuracy", "macroF1", "microF1", "handoffRecall"})
  public record LanguageScores(int examples, Double accuracy, Double macroF1, Double microF1, Double handoffRecall) {}
}
