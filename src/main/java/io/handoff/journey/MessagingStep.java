package io.handoff.journey;

import io.handoff.messaging.MessagingDecision;
import io.handoff.messaging.MessagingEffect;
import io.handoff.messaging.MessagingEvent;
import io.handoff.messaging.MessagingFacts;
import io.handoff.model.EventType;
import io.handoff.model.JourneyEvent;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;

/** Runs the messaging triggers on a conversation event and carries out their effects in order. */
final class MessagingStep {
  private final JourneyContext ctx;

  MessagingStep(JourneyContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Evaluates the triggers for {@code event} (with the inbound event that caused it, or null for a
   * timer-driven event such as session inactive) and executes the effects: messages are sent with the
   * effect's idempotency key; waits are durable timers measured from the event's time, so a restored
   * journey does not wait again for time that already passed.
   */
  void run(MessagingEvent event, JourneyEvent inbound, String stepKey, Instant at) {
    JourneyState s = ctx.state;
    MessagingFacts.Builder facts = MessagingFacts.builder(s.conversationId, event, at)
        .channel(s.channel)
        .pageUrl(s.pageUrl)
        .group(s.group)
        .tags(s.tags)
        .language(s.language)
        .customerTriggered(s.customerTriggered)
        .alreadyRun(s.triggersRun);
    if (s.customer != null) {
      facts.customer(s.customer.name(), s.customer.email()).attributes(s.customer.attributes())
          .locale(s.customer.locale());
      String country = s.customer.attributes().get("country");
      if (country != null) {
        facts.country(country);
      }
    }
    if (inbound != null) {
      facts.message(inbound.text()).sender(inbound.type() == EventType.AGENT_REPLIED ? "agent" : "customer");
    }
    MessagingDecision d = ctx.stubs.messaging.evaluate(ctx.key(stepKey), facts.build());
    s.tags = new LinkedHashSet<>(d.tags());
    s.customerTriggered = d.customerTriggered();
    s.triggersRun.addAll(d.ranOnce());
    ctx.timeline(at, "messaging.triggers", event.wireName() + ": " + d.effects().size() + " effect(s)", d.trace());
    Instant clock = at;
    for (MessagingEffect e : d.effects()) {
      switch (e.kind()) {
        case SEND_MESSAGE, REQUEST_EMAIL -> send(e, clock);
        case WAIT -> clock = waitUntil(clock.plusSeconds(e.seconds()), e);
        case SUSPEND_USER -> {
          s.userSuspended = true;
          ctx.timeline(clock, "messaging.suspend_user", "user suspended by " + e.trigger(), null);
        }
        default -> { }
      }
    }
  }

  private void send(MessagingEffect e, Instant at) {
    ctx.stubs.messaging.sendMessage(ctx.state.conversationId, e.text(), e.idempotencyKey());
    ctx.state.messagesSent++;
    ctx.timeline(at, "message.sent", e.text(), java.util.Map.of("trigger", e.trigger(), "kind", e.kind().name()));
  }

  private Instant waitUntil(Instant until, MessagingEffect e) {
    Duration left = Duration.between(JourneyContext.now(), until);
    if (!left.isNegative() && !left.isZero()) {
      Workflow.newTimer(left, io.temporal.workflow.TimerOptions.newBuilder()
          .setSummary("Messaging wait " + e.seconds() + " s (" + e.trigger() + ")").build()).get();
    }
    return until;
  }
}
