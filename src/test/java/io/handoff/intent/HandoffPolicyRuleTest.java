package io.handoff.intent;

import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.intent.policy.HandoffPolicy;
import io.handoff.intent.policy.HandoffPolicyLoader;
import io.handoff.model.Customer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metric label of each handoff policy rule, read back from the reason the policy really writes. */
class HandoffPolicyRuleTest {
  static final HandoffPolicy POLICY = HandoffPolicyLoader.load(Path.of("workflows/handoff-policy.yaml")).orThrow();

  private static String ruleFor(String tier, String text, String intent, double confidence, HandoffDecision own) {
    ClassificationRequest r = new ClassificationRequest("c", List.of(ConversationMessage.fromCustomer(text, null)), null,
        new Customer("u", "Ana", "a@example.com", "en", tier, Map.of()), List.of());
    Classification c = new Classification(intent, List.of(intent), confidence, "en", true, Urgency.NORMAL, own, "own",
        1, null, null, null, "offline", "t", null, List.of());
    return HandoffPolicy.ruleOf(POLICY.decide(r, c).policyReason());
  }

  @Test
  void eachRuleOfThePolicyHasItsLabel() {
    assertThat(ruleFor("standard", "hello", "billing", 0.99, HandoffDecision.HANDOFF_TO_HUMAN)).isEqualTo("classifier");
    assertThat(ruleFor("enterprise", "hello", "billing", 0.99, HandoffDecision.AI_RESOLVES)).isEqualTo("always_human_tier");
    assertThat(ruleFor("standard", "hello", "human_request", 0.99, HandoffDecision.AI_RESOLVES))
        .isEqualTo("always_human_intent");
    assertThat(ruleFor("standard", "hello", "order_delivery", 0.01, HandoffDecision.AI_RESOLVES)).isEqualTo("confidence");
    assertThat(ruleFor("standard", "hello", "order_delivery", 0.99, HandoffDecision.AI_RESOLVES)).isEqualTo("confident");
    assertThat(HandoffPolicy.ruleOf(null)).isEqualTo("other");
  }
}
