package io.handoff.intent;

import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.intent.replies.AiRepliesLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The shipped files (prompts/, workflows/) with the offline classifier and the rules router: disputes,
 * failures, complaints and requests for a person reach a human; the AI keeps only what it can answer
 * with a reviewed reply.
 */
class SafeDefaultAiTest {
  static IntentService service;

  @BeforeAll
  static void load() {
    service = IntentActivitiesImpl.create("offline", null, Path.of("prompts"), Path.of("workflows"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "The app crashes when I log in",
      "j'ai été débité deux fois",
      "I was charged twice for my order",
      "This is unacceptable, I want to file a complaint",
      "Cancel my subscription and refund me",
      "agent please",
      "Quiero hablar con una persona"})
  void goesToAHumanWithBothRouters(String text) {
    ClassificationRequest req = ClassificationRequest.ofText("c", text);
    RoutingDecision ai = service.classifyAi(req, true);
    RoutingDecision rules = service.classifyRules(req);
    assertThat(ai.handoff()).as("AI: " + ai.policyReason()).isEqualTo(HandoffDecision.HANDOFF_TO_HUMAN);
    assertThat(rules.handoff()).as("rules: " + rules.policyReason()).isEqualTo(HandoffDecision.HANDOFF_TO_HUMAN);
  }

  @Test
  void whatTheAiResolvesHasAReviewedAnswerOfItsOwn() {
    var answerable = AiRepliesLoader.forPrompts(Path.of("prompts")).answerableIntents();
    for (String text : new String[] {"Where is my parcel? It has not arrived yet",
        "How much does the premium plan cost?", "Hello", "What is the weather like?", "I forgot my password"}) {
      RoutingDecision d = service.classifyAi(ClassificationRequest.ofText("c", text), true);
      if (d.handoff() == HandoffDecision.AI_RESOLVES) {
        assertThat(answerable).as(text + " resolved as " + d.intent()).contains(d.intent());
      }
    }
    RoutingDecision pricing = service.classifyAi(ClassificationRequest.ofText("c", "How much does the premium plan cost?"), true);
    assertThat(pricing.handoff()).isEqualTo(HandoffDecision.HANDOFF_TO_HUMAN);
  }
}
