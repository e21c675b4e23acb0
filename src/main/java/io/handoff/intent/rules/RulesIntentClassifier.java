package io.handoff.intent.rules;

import io.handoff.intent.Classification;
import io.handoff.intent.ClassificationRequest;
import io.handoff.intent.HandoffDecision;
import io.handoff.intent.IntentClassifier;
import io.handoff.intent.IntentScore;
import io.handoff.intent.Urgency;
import io.handoff.intent.offline.LanguageIdentifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The baseline teams run today: keyword / regex / tag rules. The first matching rule names the
 * intent (confidence 1); every matching rule's intent is in the multi-label set. No match gives the
 * fallback intent with confidence 0, which the handoff policy sends to a human.
 */
public final class RulesIntentClassifier implements IntentClassifier {
  public static final String NAME = "rules";
  private final RoutingRules rules;
  private final LanguageIdentifier languages;

  public RulesIntentClassifier(RoutingRules rules) {
    this.rules = rules;
    this.languages = new LanguageIdentifier(rules.languages());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String version() {
    return "rules-1+routing-" + rules.version();
  }

  @Override
  public Classification classify(ClassificationRequest request) {
    long start = System.nanoTime();
    String text = request.customerText();
    Set<String> intents = new LinkedHashSet<>();
    List<String> matched = new ArrayList<>();
    for (RoutingRule rule : rules.rules()) {
      if (rule.matches(text, request.tags())) {
        intents.add(rule.intent());
        matched.add(rule.name());
      }
    }
    String language = text.isBlank() ? LanguageIdentifier.UNDETERMINED : languages.identify(text);
    boolean supported = rules.languages().contains(language);
    long ms = (System.nanoTime() - start) / 1_000_000;
    if (intents.isEmpty()) {
      return new Classification(rules.fallbackIntent(), List.of(), 0, language, supported, Urgency.NORMAL,
          HandoffDecision.AI_RESOLVES, "no routing rule matched", ms, null, null, null, NAME, version(), null,
          List.of(new IntentScore(rules.fallbackIntent(), 0)));
    }
    String first = intents.iterator().next();
    List<IntentScore> scores = intents.stream().map(i -> new IntentScore(i, 1.0)).toList();
    return new Classification(first, List.copyOf(intents), 1.0, language, supported, Urgency.NORMAL,
        HandoffDecision.AI_RESOLVES, "matched rule(s) " + String.join(", ", matched), ms, null, null, null,
        NAME, version(), null, scores);
  }
}
