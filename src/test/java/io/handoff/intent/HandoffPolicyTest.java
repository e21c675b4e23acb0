package io.handoff.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handoff.intent.policy.HandoffPolicy;
import io.handoff.intent.policy.HandoffPolicyLoader;
import io.handoff.model.Customer;
import io.handoff.ticket.TicketPriority;
import io.handoff.yaml.Loaded;
import io.handoff.yaml.YamlReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HandoffPolicyTest {
  static final HandoffPolicy POLICY = HandoffPolicyLoader.load(Path.of("workflows/handoff-policy.yaml")).orThrow();

  private static Classification c(String intent, double confidence, Urgency urgency, HandoffDecision own) {
    return new Classification(intent, List.of(intent), confidence, "en", true, urgency, own, "test", 1,
        null, null, null, "test", "1", null, List.of(new IntentScore(intent, confidence)));
  }

  private static ClassificationRequest req(String text, String tier) {
    return new ClassificationRequest("c", List.of(ConversationMessage.fromCustomer(text, null)), null,
        new Customer("u", "n", "e@x.io", "en", tier, Map.of()), List.of());
  }

  /** A decision for serialisation tests. */
  RoutingDecision sample() {
    return POLICY.decide(req("invoice", null), c("billing", 0.9, Urgency.HIGH, HandoffDecision.AI_RESOLVES));
  }

  @Test
  void confidentIntentGoesToItsGroupAndTheAiResolves() {
    RoutingDecision d = POLICY.decide(req("where is my parcel", null),
        c("order_delivery", 0.9, Urgency.NORMAL, HandoffDecision.AI_RESOLVES));
    assertEquals(HandoffDecision.AI_RESOLVES, d.handoff());
    assertEquals("logistics", d.group());
    assertEquals(TicketPriority.NORMAL, d.priority());
    assertEquals(POLICY.version(), d.policyVersion());
  }

  @Test
  void anExplicitRequestForAHumanAlwaysHandsOff() {
    RoutingDecision d = POLICY.decide(req("agent", null), c("human_request", 0.99, Urgency.NORMAL, HandoffDecision.AI_RESOLVES));
    assertEquals(HandoffDecision.HANDOFF_TO_HUMAN, d.handoff());
    assertEquals("always-human intent human_request", d.policyReason());
  }

  @Test
  void aWeakButPresentHumanRequestStillHandsOff() {
    Classification weak = new Classification("order_delivery", List.of("order_delivery"), 0.8, "en", true, Urgency.NORMAL,
        HandoffDecision.AI_RESOLVES, "t", 1, null, null, null, "t", "1", null,
        List.of(new IntentScore("order_delivery", 0.8), new IntentScore("human_request", 0.25)));
    assertEquals(HandoffDecision.HANDOFF_TO_HUMAN, POLICY.decide(req("x", null), weak).handoff());
  }

  @Test
  void vipTiersAlwaysGoToAHuman() {
    RoutingDecision d = POLICY.decide(req("invoice", "VIP"), c("billing", 0.9, Urgency.NORMAL, HandoffDecision.AI_RESOLVES));
    assertEquals(HandoffDecision.HANDOFF_TO_HUMAN, d.handoff());
    assertEquals("always-human tier VIP", d.policyReason());
  }

  @Test
  void legalThreatsHandOffWithRaisedPriority() {
    RoutingDecision d = POLICY.decide(req("Je vais contacter mon avocat", null),
        c("billing", 0.9, Urgency.HIGH, HandoffDecision.AI_RESOLVES));
    assertEquals(HandoffDecision.HANDOFF_TO_HUMAN, d.handoff());
    assertEquals(TicketPriority.URGENT, d.priority());
    assertTrue(d.policyReason().startsWith("legal threat"), d.policyReason());
  }

  @ParameterizedTest
  @CsvSource({"0.10,HANDOFF_TO_HUMAN", "0.40,ASK_CLARIFICATION", "0.60,AI_RESOLVES"})
  void confidenceThresholdsDecide(double confidence, HandoffDecision expected) {
    assertEquals(expected, POLICY.decide(req("x", null), c("order_delivery", confidence, Urgency.NORMAL, HandoffDecision.AI_RESOLVES)).handoff());
  }

  @Test
  void theClassifiersOwnHandoffIsKeptWithItsReason() {
    RoutingDecision d = POLICY.decide(req("x", null), c("billing", 0.9, Urgency.URGENT, HandoffDecision.HANDOFF_TO_HUMAN));
    assertEquals(HandoffDecision.HANDOFF_TO_HUMAN, d.handoff());
    assertEquals(TicketPriority.URGENT, d.priority());
    assertEquals("classifier: test", d.policyReason());
  }

  @ParameterizedTest
  @CsvSource({"billing", "refund_cancellation", "technical_problem", "complaint"})
  void disputesFailuresAndComplaintsGoToAHumanEvenWhenConfident(String intent) {
    RoutingDecision d = POLICY.decide(req("x", null), c(intent, 0.95, Urgency.NORMAL, HandoffDecision.AI_RESOLVES));
    assertEquals(HandoffDecision.HANDOFF_TO_HUMAN, d.handoff());
    assertEquals("always-human intent " + intent, d.policyReason());
  }

  @Test
  void withItsPromptsTheAiResolvesOnlyIntentsWithAReviewedAnswer() {
    HandoffPolicy shipped = HandoffPolicyLoader.forDirectories(Path.of("workflows"), Path.of("prompts"));
    assertEquals(HandoffDecision.AI_RESOLVES, shipped.decide(req("where is my parcel", null),
        c("order_delivery", 0.9, Urgency.NORMAL, HandoffDecision.AI_RESOLVES)).handoff());
    RoutingDecision pricing = shipped.decide(req("what does the pro plan cost", null),
        c("pricing_sales", 0.9, Urgency.NORMAL, HandoffDecision.AI_RESOLVES));
    assertEquals(HandoffDecision.HANDOFF_TO_HUMAN, pricing.handoff());
    assertEquals("sales", pricing.group());
    assertTrue(pricing.policyReason().startsWith("no reviewed answer for intent pricing_sales"), pricing.policyReason());
    assertEquals("no_reviewed_answer", HandoffPolicy.ruleOf(pricing.policyReason()));
  }

  @Test
  void anExplicitRequestForAPersonHandsOffWhateverTheClassifierSays() {
    HandoffPolicy shipped = HandoffPolicyLoader.forDirectories(Path.of("workflows"), Path.of("prompts"));
    RoutingDecision d = shipped.decide(req("where is my parcel? I want to talk to a person", null),
        c("order_delivery", 0.99, Urgency.NORMAL, HandoffDecision.AI_RESOLVES));
    assertEquals(HandoffDecision.HANDOFF_TO_HUMAN, d.handoff());
    assertEquals("logistics", d.group());
    assertTrue(d.policyReason().matches("explicit request for a human \"talk to\" \\(.*human-requests.yaml:\\d+, en\\)"),
        d.policyReason());
    assertEquals("human_request", HandoffPolicy.ruleOf(d.policyReason()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "bad regex|alwaysHuman:\\n  legalPatterns: [\"(unclosed\"]\\n|2|invalid regex \"(unclosed\"",
      "unknown priority|urgencyPriority:\\n  high: critical\\n|2|unknown priority for high",
      "unknown urgency|urgencyPriority:\\n  severe: high\\n|2|unknown urgency \"severe\"",
      "thresholds out of order|thresholds:\\n  handoffBelow: 0.5\\n  clarifyBelow: 0.2\\n|2|clarifyBelow must be >= handoffBelow",
      "threshold out of range|thresholds:\\n  handoffBelow: 2\\n|2|thresholds.handoffBelow must be a number between 0.0 and 1.0",
      "misspelt top-level key|defaultGroup: general\\ndefaultGoup: sales\\n|2|unknown key \"defaultGoup\" in the policy",
      "misspelt threshold|thresholds:\\n  handofBelow: 0.5\\n|2|unknown key \"handofBelow\" in thresholds",
      "misspelt alwaysHuman key|alwaysHuman:\\n  tier: [vip]\\n|2|unknown key \"tier\" in alwaysHuman"})
  void reportsEachProblemWithFileAndLine(String name, String yaml, int line, String message) {
    Loaded<HandoffPolicy> r = HandoffPolicyLoader.load(YamlReader.of("handoff-policy.yaml", yaml.replace("\\n", "\n")));
    assertNull(r.value());
    assertEquals(line, r.errors().get(0).line(), r.errors().toString());
    assertTrue(r.errors().get(0).toString().contains(message), r.errors().toString());
  }
}
