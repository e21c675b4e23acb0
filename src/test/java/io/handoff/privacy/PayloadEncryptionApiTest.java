package io.handoff.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.testing.Journeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.converter.DefaultDataConverter;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With {@code handoff.temporal.payload-encryption.key} set, the service runs journeys as usual, but
 * Temporal stores every workflow payload encrypted: a client without the key sees no message text,
 * e-mail or name in the history, and the service's own client reads the journey normally.
 */
@QuarkusTest
@TestProfile(PayloadEncryptionApiTest.Encrypted.class)
@Timeout(120)
class PayloadEncryptionApiTest {
  static final String KEY = "3q2+7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhs=";

  public static class Encrypted implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("handoff.temporal.payload-encryption.key", KEY,
          "handoff.temporal.payload-encryption.key-id", "test-2026",
          "handoff.temporal.payload-encryption.old-keys.test-2025", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    }
  }

  @Inject WorkflowClient client;

  @Test
  void theHistoryHoldsNoPersonalDataWhileTheServiceReadsTheJourney() {
    PrivateJourney j = PrivateJourney.run("sealed");

    var view = Journeys.view(j.journeyId());
    assertThat(view.getString("stage")).isEqualTo("TICKETED");
    assertThat(view.getString("ticket.id")).isEqualTo(j.ticketId());
    assertThat(view.getList("timeline.step", String.class)).contains("event.message.received", "ticket.created");

    String raw = j.rawHistory(client);
    assertThat(j.foundIn(raw)).as("personal data in the raw history").isEmpty();
    assertThat(raw).contains("binary/encrypted", "test-2026");
  }

  @Test
  void aClientWithoutTheKeyCannotReadTheJourneyAndIsToldWhichKeyIsMissing() {
    PrivateJourney j = PrivateJourney.run("nokey");
    WorkflowClient plain = WorkflowClient.newInstance(client.getWorkflowServiceStubs(), WorkflowClientOptions
        .newBuilder().setNamespace(client.getOptions().getNamespace())
        .setDataConverter(PayloadEncryption.dataConverter(PayloadEncryption.codec(java.util.Optional.empty(), "k1",
            Map.of())))
        .build());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> plain.newWorkflowStub(
            io.handoff.journey.CustomerJourneyWorkflow.class, j.journeyId()).getView())
        .hasStackTraceContaining("payload is encrypted with key 'test-2026', which is not configured");
    WorkflowClient rotated = WorkflowClient.newInstance(client.getWorkflowServiceStubs(), WorkflowClientOptions
        .newBuilder().setNamespace(client.getOptions().getNamespace())
        .setDataConverter(PayloadEncryption.dataConverter(PayloadEncryption.codec(
            java.util.Optional.of(PayloadEncryption.newKey()), "test-2027", Map.of("test-2026", KEY))))
        .build());
    assertThat(rotated.newWorkflowStub(io.handoff.journey.CustomerJourneyWorkflow.class, j.journeyId()).getView()
        .ticket().id()).as("after a rotation the old key still reads the journey").isEqualTo(j.ticketId());
  }

  @Test
  void summariesAreEncryptedTooWhileSearchAttributesStayReadable() {
    PrivateJourney j = PrivateJourney.run("summary");
    var described = j.describe(client);
    assertThat(j.foundIn(described.toString())).isEmpty();
    assertThat(described.getWorkflowExecutionInfo().getSearchAttributes().toString())
        .contains("HandoffStage", "TICKETED");

    HistoryEvent started = WorkflowClient.newInstance(client.getWorkflowServiceStubs(),
            WorkflowClientOptions.newBuilder().setNamespace(client.getOptions().getNamespace()).build())
        .fetchHistory(j.journeyId()).getEvents().get(0);
    Payload summary = started.getUserMetadata().getSummary();
    assertThat(AesGcmPayloadCodec.isEncrypted(summary)).as("the SDK passes user metadata through the codec").isTrue();
    Payload opened = PayloadEncryption.codec(java.util.Optional.of(KEY), "test-2026", Map.of())
        .decode(java.util.List.of(summary)).get(0);
    assertThat(DefaultDataConverter.STANDARD_INSTANCE.fromPayload(opened, String.class, String.class))
        .isEqualTo("Customer journey " + j.conversationId());
  }
}
