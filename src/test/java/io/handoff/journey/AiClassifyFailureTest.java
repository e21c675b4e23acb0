package io.handoff.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.intent.ClassificationRequest;
import io.handoff.intent.IntentActivities;
import io.handoff.intent.RoutingDecision;
import io.handoff.model.Customer;
import io.handoff.model.EventType;
import io.handoff.model.Stage;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A triage whose AI classify activity fails for good (seen on a real server: the last attempt timed out on a
 * worker killed mid-run) goes on with the offline fallback's decision instead of failing the journey.
 */
@Timeout(120)
class AiClassifyFailureTest {
  JourneyTestEnv t;

  @AfterEach
  void stop() {
    if (t != null) {
      t.close();
    }
  }

  /** The real intent activities, except that every attempt of the AI classification fails. */
  record FailingAi(IntentActivities real) implements IntentActivities {
    @Override
    public RoutingDecision classifyAi(ClassificationRequest request) {
      throw ApplicationFailure.newNonRetryableFailure("worker lost during the attempt", "TestWorkerLost");
    }

    @Override
    public RoutingDecision classifyAiFallback(ClassificationRequest request, String reason) {
      return real.classifyAiFallback(request, reason);
    }

    @Override
    public RoutingDecision classifyRules(ClassificationRequest request) {
      return real.classifyRules(request);
    }
  }

  @Test
  void aClassifyActivityThatFailsForGoodFallsBackAndTheJourneyIsHandedOff() {
    t = new JourneyTestEnv(JourneySettings.DEFAULTS, JourneyTestEnv.WORKFLOWS, null,
        a -> a instanceof IntentActivities real ? new FailingAi(real) : a);
    Customer ana = new Customer("u-1", "Ana Souza", "ana@example.com", "en", "enterprise", Map.of());
    t.send(t.event("c-fail", EventType.CONVERSATION_STARTED, null, ana));
    t.send(t.event("c-fail", EventType.MESSAGE_RECEIVED, "How much does the enterprise plan cost per seat?", ana));
    t.env.sleep(Duration.ofSeconds(5));

    JourneyView v = t.view("c-fail");
    assertThat(v.stage()).isEqualTo(Stage.TICKETED);
    assertThat(v.ticket()).isNotNull();
    assertThat(v.routing().ai().reason()).contains("classify activity failed").contains("worker lost");
    assertThat(v.timeline()).extracting(TimelineEntry::step).containsSubsequence("ai.triage", "ticket.created");
  }
}
