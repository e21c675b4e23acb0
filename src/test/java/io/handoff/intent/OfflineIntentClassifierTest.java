package io.handoff.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handoff.intent.offline.OfflineIntentClassifier;
import io.handoff.intent.taxonomy.Exemplar;
import io.handoff.intent.taxonomy.Taxonomy;
import io.handoff.intent.taxonomy.TaxonomyLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OfflineIntentClassifierTest {
  static final Taxonomy TAXONOMY = TaxonomyLoader.load(Path.of("prompts/taxonomy.yaml")).orThrow();
  static final OfflineIntentClassifier OFFLINE = new OfflineIntentClassifier(TAXONOMY);

  private static Classification classify(String text) {
    return OFFLINE.classify(ClassificationRequest.ofText("c", text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "I have been charged twice on my card|en|billing",
      "Je n'ai toujours pas reçu mon colis|fr|order_delivery",
      "Quiero hablar con una persona real|es|human_request",
      "Ich habe mein Passwort vergessen und komme nicht rein|de|account_access",
      "Quero cancelar a assinatura e receber o reembolso|pt|refund_cancellation",
      "L'applicazione si blocca sempre quando la apro|it|technical_problem",
      "Hoeveel kost het pro abonnement per maand?|nl|pricing_sales"})
  void namesTheIntentAndLanguageOfUnseenMessagesInEverySupportedLanguage(String text, String lang, String intent) {
    Classification c = classify(text);
    assertEquals(intent, c.intent(), () -> "scores " + c.topIntents());
    assertEquals(lang, c.language());
    assertTrue(c.languageSupported());
    assertEquals(HandoffDecision.AI_RESOLVES, c.handoff());
    assertEquals("offline", c.classifier());
  }

  @Test
  void handsOffALanguageWithoutExemplarsAndSaysSo() {
    Classification c = classify("Faturamı nereden indirebilirim? Hesabımdan iki kez ödeme alındı.");
    assertEquals("tr", c.language());
    assertFalse(c.languageSupported());
    assertEquals(HandoffDecision.HANDOFF_TO_HUMAN, c.handoff());
    assertTrue(c.reason().contains("not supported"), c.reason());
  }

  @Test
  void asksForClarificationWhenThereIsNoCustomerText() {
    Classification c = classify("   ");
    assertEquals(HandoffDecision.ASK_CLARIFICATION, c.handoff());
    assertEquals("other", c.intent());
  }

  @Test
  void raisesUrgencyFromTheTaxonomysUrgencyWords() {
    assertEquals(Urgency.URGENT, classify("URGENT: the app keeps crashing").urgency());
    assertEquals(Urgency.HIGH, classify("Mon compte est bloqué").urgency());
    assertEquals(Urgency.NORMAL, classify("Where is my order?").urgency());
  }

  @Test
  void predictsEveryIntentAboveTheThresholdOnMultiLabelExemplars() {
    List<Exemplar> ex = new java.util.ArrayList<>();
    for (String s : List.of("I want a refund and a human", "refund me and let me talk to a person",
        "give me my money back, connect me to an agent", "refund please, and an agent")) {
      ex.add(new Exemplar(s, "en", List.of("refund_cancellation", "human_request")));
    }
    for (String s : List.of("I want a refund", "refund me", "money back please", "refund my order")) {
      ex.add(new Exemplar(s, "en", List.of("refund_cancellation")));
    }
    for (String s : List.of("talk to a person", "connect me to an agent", "a human please", "get me a person")) {
      ex.add(new Exemplar(s, "en", List.of("human_request")));
    }
    OfflineIntentClassifier multi = new OfflineIntentClassifier(TAXONOMY.withExemplars(ex, "fixture"));
    Classification c = multi.classify(ClassificationRequest.ofText("c", "refund me and connect me to a person"));
    assertTrue(c.intents().containsAll(List.of("refund_cancellation", "human_request")), c.intents().toString());
  }

  @Test
  void trainingIsDeterministic() {
    Classification a = classify("my parcel never arrived");
    Classification b = new OfflineIntentClassifier(TAXONOMY).classify(ClassificationRequest.ofText("c", "my parcel never arrived"));
    assertEquals(a.topIntents(), b.topIntents());
  }
}
