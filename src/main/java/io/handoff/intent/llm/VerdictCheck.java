package io.handoff.intent.llm;

import io.handoff.intent.HandoffDecision;
import io.handoff.intent.Urgency;
import java.util.Arrays;
import java.util.List;

/** Validates a verdict against the taxonomy and the enums; providers do not all enforce schemas. */
final class VerdictCheck {
  private VerdictCheck() {}

  /** The first problem found, or null when the verdict is usable. */
  static String problem(LlmVerdict v, List<String> intents) {
    if (v.intent() == null || !intents.contains(v.intent())) {
      return "unknown intent \"" + v.intent() + "\"";
    }
    if (v.intents() == null) {
      return "missing intents";
    }
    for (String i : v.intents()) {
      if (!intents.contains(i)) {
        return "unknown intent \"" + i + "\" in intents";
      }
    }
    if (v.confidence() == null || v.confidence() < 0 || v.confidence() > 1) {
      return "confidence must be in [0, 1], got " + v.confidence();
    }
    if (!isOneOf(v.urgency(), Urgency.values())) {
      return "unknown urgency \"" + v.urgency() + "\"";
    }
    if (!isOneOf(v.handoff(), HandoffDecision.values())) {
      return "unknown handoff \"" + v.handoff() + "\"";
    }
    if (v.language() == null || v.language().isBlank()) {
      return "missing language";
    }
    return null;
  }

  private static boolean isOneOf(String s, Enum<?>[] values) {
    return s != null && Arrays.stream(values).anyMatch(e -> e.name().equals(s));
  }
}
