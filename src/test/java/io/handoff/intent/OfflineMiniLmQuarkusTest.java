package io.handoff.intent;

import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.intent.offline.MiniLmEncoder;
import io.handoff.intent.offline.OfflineIntentClassifier;
import io.handoff.testing.Events;
import io.handoff.testing.Journeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The service with {@code handoff.ai.offline.embeddings=minilm}: the ONNX model loads under Quarkus'
 * class loaders (parent-first artifacts in application.properties), classifies through the service,
 * and a journey's AI decision records the embedding for English and not for Spanish.
 */
@QuarkusTest
@TestProfile(OfflineMiniLmQuarkusTest.MiniLm.class)
@Timeout(180)
class OfflineMiniLmQuarkusTest {

  public static class MiniLm implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "handoff.ai.offline.embeddings", "minilm",
          "handoff.restore.enabled", "false",
          "quarkus.datasource.\"h2\".jdbc.url", "jdbc:h2:mem:handoff-minilm;DB_CLOSE_DELAY=-1");
    }
  }

  @Inject IntentActivitiesImpl activities;

  @Test
  void theServiceClassifiesEnglishWithTheEmbeddingAndOtherLanguagesWithout() {
    IntentService service = activities.service();
    assertThat(service.ai()).isInstanceOf(OfflineIntentClassifier.class);
    assertThat(((OfflineIntentClassifier) service.ai()).encoder()).isInstanceOf(MiniLmEncoder.class);

    RoutingDecision en = service.classifyAi(ClassificationRequest.ofText("c", "My parcel still has not arrived"), true);
    assertThat(en.classification().language()).isEqualTo("en");
    assertThat(en.classification().classifierVersion()).contains("+minilm-l6-v2-q+");
    assertThat(en.intent()).isEqualTo("order_delivery");

    RoutingDecision es = service.classifyAi(ClassificationRequest.ofText("c", "Mi pedido todavía no ha llegado"), true);
    assertThat(es.classification().language()).isEqualTo("es");
    assertThat(es.classification().classifierVersion()).doesNotContain("minilm");
  }

  @Test
  void aJourneysAiDecisionRecordsTheEmbedding() {
    String id = "minilm-" + UUID.randomUUID();
    String journeyId = Events.post(id, """
        {"type":"conversation.started","channel":"web_widget",
         "customer":{"id":"u-%s","name":"Ann","email":"ann@example.com","locale":"en"}}""".formatted(id));
    Events.post(id, """
        {"type":"message.received","channel":"web_widget","text":"My parcel still has not arrived, where is it?"}""");
    Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      var view = Journeys.view(journeyId);
      assertThat(view.getString("routing.ai.reason")).contains("minilm-l6-v2-q sentence embedding");
      assertThat(view.getString("routing.ai.language")).isEqualTo("en");
    });
  }
}
