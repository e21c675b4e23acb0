package io.handoff.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handoff.intent.policy.HandoffPolicyLoader;
import io.handoff.intent.rules.RoutingRules;
import io.handoff.intent.rules.RoutingRulesLoader;
import io.handoff.intent.rules.RulesIntentClassifier;
import io.handoff.yaml.Loaded;
import io.handoff.yaml.YamlReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RulesIntentClassifierTest {
  static final RulesIntentClassifier RULES =
      new RulesIntentClassifier(RoutingRulesLoader.load(Path.of("workflows/routing.yaml")).orThrow());

  @Test
  void firstMatchingRuleNamesTheIntentAndEveryMatchIsListed() {
    Classification c = RULES.classify(ClassificationRequest.ofText("c", "I want a refund, let me talk to an agent"));
    assertEquals("human_request", c.intent());
    assertEquals(List.of("human_request", "refund_cancellation"), c.intents());
    assertEquals(1.0, c.confidence());
    assertEquals("rules", c.classifier());
  }

  @Test
  void keywordsMatchWholeWordsOnly() {
    assertEquals("other", RULES.classify(ClassificationRequest.ofText("c", "My agenda is full")).intent());
  }

  @Test
  void tagsFromMessagingTriggersMatch() {
    ClassificationRequest r = new ClassificationRequest("c",
        List.of(ConversationMessage.fromCustomer("hello", null)), null, null, List.of("human_requested"));
    assertEquals("human_request", RULES.classify(r).intent());
  }

  @Test
  void noMatchGivesTheFallbackWithZeroConfidenceWhichThePolicyHandsOff() {
    ClassificationRequest r = ClassificationRequest.ofText("c", "Bonjour, une question");
    Classification c = RULES.classify(r);
    assertEquals("other", c.intent());
    assertEquals(0.0, c.confidence());
    RoutingDecision d = HandoffPolicyLoader.load(Path.of("workflows/handoff-policy.yaml")).orThrow().decide(r, c);
    assertEquals(HandoffDecision.HANDOFF_TO_HUMAN, d.handoff());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no condition|rules:\\n  - name: r1\\n    intent: billing\\n|2|rule \"r1\": rule needs at least one of",
      "bad regex|rules:\\n  - name: r1\\n    intent: billing\\n    regex: [\"[a-\"]\\n|4|rule \"r1\": invalid regex",
      "missing intent|rules:\\n  - name: r1\\n    keywords: [x]\\n|2|rule \"r1\": missing \"intent\"",
      "duplicate name|rules:\\n  - name: r1\\n    intent: a\\n    tags: [t]\\n  - name: r1\\n    intent: b\\n    tags: [t]\\n|5|duplicate rule name"})
  void reportsEachProblemWithFileAndLine(String name, String yaml, int line, String message) {
    Loaded<RoutingRules> r = RoutingRulesLoader.load(YamlReader.of("routing.yaml", yaml.replace("\\n", "\n")));
    assertNull(r.value());
    assertEquals(line, r.errors().get(0).line(), r.errors().toString());
    assertTrue(r.errors().get(0).toString().contains(message), r.errors().toString());
  }
}
