package io.handoff.intent.policy;

import io.handoff.intent.Classification;
import io.handoff.intent.ClassificationRequest;
import io.handoff.intent.HandoffDecision;
import io.handoff.intent.RoutingDecision;
import io.handoff.intent.Urgency;
import io.handoff.ticket.TicketPriority;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The team's handoff policy from {@code workflows/handoff-policy.yaml}: who owns each intent, when
 * a human must take over and how urgency becomes ticket priority. Pure and deterministic, so it
 * gives the same decision for every classifier and may run anywhere.
 *
 * @param handoffBelow confidence under which a human takes over
 * @param clarifyBelow confidence under which (and at or above {@code handoffBelow}) the AI asks a
 *     clarifying question
 * @param legalPatterns case-insensitive patterns that mark a legal threat (always human)
 * @param alwaysHumanMinScore an always-human intent scoring at least this hands off even when it is
 *     not the top intent: missing a request for a human costs more than an unneeded handoff
 * @param humanRequests explicit requests for a human ({@code prompts/human-requests.yaml}), checked
 *     before anything the classifier says
 * @param answerableIntents the intents the AI may resolve: those with a reviewed answer of their own in
 *     {@code prompts/replies.yaml}; any other confident intent goes to a human. Null: any intent (a
 *     policy read without its prompts directory, as in unit tests of the thresholds)
 */
public record HandoffPolicy(
    String version,
    String defaultGroup,
    Map<String, String> groups,
    double handoffBelow,
    double clarifyBelow,
    Set<String> alwaysHumanIntents,
    double alwaysHumanMinScore,
    Set<String> alwaysHumanTiers,
    List<Pattern> legalPatterns,
    Map<Urgency, TicketPriority> priorities,
    HumanRequestDetector humanRequests,
    Set<String> answerableIntents) {

  /** Prefixes of {@link RoutingDecision#policyReason()}, one per rule of {@link #decide}. */
  private static final String CLASSIFIER = "classifier: ";
  private static final String ALWAYS_HUMAN_TIER = "always-human tier ";
  private static final String ALWAYS_HUMAN_INTENT = "always-human intent ";
  private static final String LEGAL_THREAT = "legal threat matched ";
  private static final String CONFIDENT = "confident, AI may answer";
  private static final String HUMAN_REQUEST = HumanRequestDetector.Match.PREFIX;
  private static final String NO_REVIEWED_ANSWER = "no reviewed answer for intent ";

  public HandoffPolicy {
    groups = Map.copyOf(groups);
    alwaysHumanIntents = Set.copyOf(alwaysHumanIntents);
    alwaysHumanTiers = Set.copyOf(alwaysHumanTiers);
    legalPatterns = List.copyOf(legalPatterns);
    priorities = Map.copyOf(priorities);
    humanRequests = humanRequests == null ? HumanRequestDetector.NONE : humanRequests;
    answerableIntents = answerableIntents == null ? null : Set.copyOf(answerableIntents);
  }

  /** The policy as read from its file alone: no human-request patterns, any intent answerable. */
  public HandoffPolicy(String version, String defaultGroup, Map<String, String> groups, double handoffBelow,
      double clarifyBelow, Set<String> alwaysHumanIntents, double alwaysHumanMinScore, Set<String> alwaysHumanTiers,
      List<Pattern> legalPatterns, Map<Urgency, TicketPriority> priorities) {
    this(version, defaultGroup, groups, handoffBelow, clarifyBelow, alwaysHumanIntents, alwaysHumanMinScore,
        alwaysHumanTiers, legalPatterns, priorities, HumanRequestDetector.NONE, null);
  }

  /**
   * The same policy with what it reads from the prompts directory: the human-request patterns, and the
   * intents the AI may resolve (those with a reviewed answer).
   */
  public HandoffPolicy withPrompts(HumanRequestDetector detector, Set<String> answerable) {
    return new HandoffPolicy(version, defaultGroup, groups, handoffBelow, clarifyBelow, alwaysHumanIntents,
        alwaysHumanMinScore, alwaysHumanTiers, legalPatterns, priorities, detector, answerable);
  }

  /** Applies the policy to one classification of the given request. */
  public RoutingDecision decide(ClassificationRequest request, Classification c) {
    String group = groups.getOrDefault(c.intent(), defaultGroup);
    TicketPriority priority = priorities.getOrDefault(c.urgency(), TicketPriority.NORMAL);
    String text = request.customerText();
    String tier = request.customerTier();
    var asked = humanRequests.detect(text);
    if (asked.isPresent()) {
      return decision(c, HandoffDecision.HANDOFF_TO_HUMAN, group, priority,
          asked.get().describe());
    }
    if (c.handoff() == HandoffDecision.HANDOFF_TO_HUMAN) {
      return decision(c, HandoffDecision.HANDOFF_TO_HUMAN, group, priority, CLASSIFIER + c.reason());
    }
    if (tier != null && alwaysHumanTiers.contains(tier.toLowerCase(Locale.ROOT))) {
      return decision(c, HandoffDecision.HANDOFF_TO_HUMAN, group, priority, ALWAYS_HUMAN_TIER + tier);
    }
    // Legal threats before always-human intents: a billing dispute with a lawyer still raises priority.
    for (Pattern p : legalPatterns) {
      if (p.matcher(text).find()) {
        return decision(c, HandoffDecision.HANDOFF_TO_HUMAN, group, priority.raised(),
            LEGAL_THREAT + "/" + p.pattern() + "/");
      }
    }
    String human = alwaysHumanIntent(c);
    if (human != null) {
      return decision(c, HandoffDecision.HANDOFF_TO_HUMAN, groups.getOrDefault(human, group), priority,
          ALWAYS_HUMAN_INTENT + human);
    }
    if (c.confidence() < handoffBelow) {
      return decision(c, HandoffDecision.HANDOFF_TO_HUMAN, group, priority,
          String.format(Locale.ROOT, "confidence %.2f below %.2f", c.confidence(), handoffBelow));
    }
    if (c.confidence() < clarifyBelow || c.handoff() == HandoffDecision.ASK_CLARIFICATION) {
      return decision(c, HandoffDecision.ASK_CLARIFICATION, group, priority,
          String.format(Locale.ROOT, "confidence %.2f below %.2f", c.confidence(), clarifyBelow));
    }
    if (answerableIntents != null && !answerableIntents.contains(c.intent())) {
      return decision(c, HandoffDecision.HANDOFF_TO_HUMAN, group, priority, NO_REVIEWED_ANSWER + c.intent()
          + " (prompts/replies.yaml): a person answers");
    }
    return decision(c, HandoffDecision.AI_RESOLVES, group, priority, CONFIDENT);
  }

  /**
   * Which rule of {@link #decide} produced a policy reason, as a metric label: human_request,
   * classifier, always_human_tier, always_human_intent, legal_threat, confidence (below a threshold),
   * no_reviewed_answer, confident or other.
   */
  public static String ruleOf(String policyReason) {
    if (policyReason == null) {
      return "other";
    }
    if (policyReason.startsWith(HUMAN_REQUEST)) {
      return "human_request";
    }
    if (policyReason.startsWith(NO_REVIEWED_ANSWER)) {
      return "no_reviewed_answer";
    }
    if (policyReason.startsWith(CLASSIFIER)) {
      return "classifier";
    }
    if (policyReason.startsWith(ALWAYS_HUMAN_TIER)) {
      return "always_human_tier";
    }
    if (policyReason.startsWith(ALWAYS_HUMAN_INTENT)) {
      return "always_human_intent";
    }
    if (policyReason.startsWith(LEGAL_THREAT)) {
      return "legal_threat";
    }
    if (policyReason.startsWith("confidence ")) {
      return "confidence";
    }
    return CONFIDENT.equals(policyReason) ? "confident" : "other";
  }

  private String alwaysHumanIntent(Classification c) {
    if (alwaysHumanIntents.contains(c.intent())) {
      return c.intent();
    }
    String predicted = c.intents().stream().filter(alwaysHumanIntents::contains).findFirst().orElse(null);
    if (predicted != null) {
      return predicted;
    }
    return c.topIntents().stream()
        .filter(s -> alwaysHumanIntents.contains(s.intent()) && s.score() >= alwaysHumanMinScore)
        .map(s -> s.intent()).findFirst().orElse(null);
  }

  /** The same policy with one more always-human intent (eval's {@code --handoff-label}). */
  public HandoffPolicy withAlwaysHumanIntent(String intent) {
    Set<String> intents = new java.util.HashSet<>(alwaysHumanIntents);
    intents.add(intent);
    return new HandoffPolicy(version, defaultGroup, groups, handoffBelow, clarifyBelow, intents,
        alwaysHumanMinScore, alwaysHumanTiers, legalPatterns, priorities, humanRequests, answerableIntents);
  }

  private RoutingDecision decision(Classification c, HandoffDecision d, String group, TicketPriority p,
      String why) {
    return new RoutingDecision(c, d, group, p, why, version);
  }
}
