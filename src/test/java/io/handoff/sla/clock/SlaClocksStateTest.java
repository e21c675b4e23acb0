package io.handoff.sla.clock;

import static io.handoff.sla.clock.SlaFixtures.businessTarget;
import static io.handoff.sla.clock.SlaFixtures.min;
import static io.handoff.sla.clock.SlaFixtures.target;
import static io.handoff.sla.clock.SlaFixtures.targets;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.handoff.sla.policy.SlaMetric;
import io.handoff.ticket.TicketStatus;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DefaultDataConverter;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlaClocksStateTest {

  @Test
  void stateSurvivesTemporalsDataConverterAndBehavesTheSame() {
    SlaClocks original = SlaClocks.ticketCreated(SlaFixtures.T0, TicketStatus.OPEN, targets(
        target(SlaMetric.FIRST_REPLY_TIME, Duration.ofHours(1), 75, 90),
        businessTarget(SlaMetric.AGENT_WORK_TIME, Duration.ofHours(2), SlaClocksBusinessHoursTest.PARIS, 50)));
    original.fire(min(50));
    original.statusChanged(min(55), TicketStatus.PENDING);
    original.customerComment(min(56));

    var converter = DefaultDataConverter.newDefaultInstance();
    Payload payload = converter.toPayload(original.snapshot()).orElseThrow();
    SlaClocksState back = converter.fromPayload(payload, SlaClocksState.class, SlaClocksState.class);
    assertEquals(original.snapshot(), back);

    SlaClocks restored = SlaClocks.restore(back);
    assertEquals(original.pendingDeadlines(), restored.pendingDeadlines());
    assertEquals(original.fire(min(600)), restored.fire(min(600)));
    assertEquals(original.view(min(600)), restored.view(min(600)));
    assertEquals(Optional.empty(), restored.nextDeadline().filter(d -> d.metric() == SlaMetric.FIRST_REPLY_TIME));
  }
}
