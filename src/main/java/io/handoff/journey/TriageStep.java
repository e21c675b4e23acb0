package io.handoff.journey;

import io.handoff.intent.ClassificationRequest;
import io.handoff.intent.HandoffDecision;
import io.handoff.intent.RoutingDecision;
import io.handoff.messaging.MessagingActivities;
import io.handoff.model.RoutingView;
import io.handoff.model.Stage;
import io.handoff.routing.RoutingAssignment;
import io.handoff.ticket.TicketDraft;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The AI stage: both routers classify the conversation in parallel; the configured one acts, the other
 * shadows. A handoff creates the ticket; otherwise the journey goes back to messaging.
 */
final class TriageStep {
  private static final int SUBJECT_LENGTH = 80;

  private final JourneyContext ctx;
  private final TicketStep tickets;

  TriageStep(JourneyContext ctx, TicketStep tickets) {
    this.ctx = ctx;
    this.tickets = tickets;
  }

  void run(Instant at) {
    JourneyState s = ctx.state;
    ctx.enterStage(Stage.AI_TRIAGE, at, "customer message awaiting triage");
    ClassificationRequest request = new ClassificationRequest(s.conversationId, s.messages, s.channel, s.customer,
        s.tags.stream().toList());
    Promise<RoutingDecision> rules = Async.function(ctx.stubs.intent::classifyRules, request);
    Promise<RoutingDecision> ai = Async.function(ctx.stubs.intent::classifyAi, request);
    RoutingDecision r = rules.get();
    RoutingDecision a = aiDecision(ai, request);
    String active = ctx.settings.routing().activeFor(s.conversationId, s.channel == null ? null : s.channel.wireName());
    RoutingDecision acting = RoutingAssignment.AI.equals(active) ? a : r;
    s.language = a.classification().language() != null ? a.classification().language() : r.classification().language();
    boolean agree = Objects.equals(r.intent(), a.intent()) && Objects.equals(r.group(), a.group());
    s.routing = new RoutingView(view(r), view(a), active, agree);
    s.routingDecisions++;
    ctx.stubs.routing.recordDecisions(s.journeyId, s.routingDecisions, s.routing,
        s.channel == null ? null : s.channel.wireName(), at);
    ctx.timeline(at, "ai.triage", active + " acts: " + acting.intent() + " → " + acting.group() + " ("
        + acting.handoff() + "); rules and AI " + (agree ? "agree" : "disagree"), Map.of("rules", r, "ai", a));
    JourneyProjector.publishRouting(String.valueOf(acting.intent()), agree);
    if (acting.handoff() == HandoffDecision.HANDOFF_TO_HUMAN) {
      io.handoff.ticket.Ticket ticket = tickets.create(draft(acting), at);
      // Timeline text only (state, no command): the support triggers of the creation may have moved the ticket.
      String movedTo = ticket == null || Objects.equals(ticket.group(), s.initialGroup) ? null : ticket.group();
      ctx.enterStage(Stage.TICKETED, at, "handed off to " + acting.group()
          + (movedTo == null ? "" : "; support triggers moved the ticket to " + movedTo));
      if (Workflow.getVersion(HANDOFF_ACK, Workflow.DEFAULT_VERSION, 1) >= 1) {
        reply(acting, at, "handoff.acknowledged", "/handoff-ack");
      }
    } else {
      ctx.enterStage(Stage.MESSAGING, at, acting.handoff() == HandoffDecision.AI_RESOLVES
          ? "the AI answers (" + acting.intent() + ")" : "the AI asks the customer to clarify");
      if (Workflow.getVersion(AI_REPLIES, Workflow.DEFAULT_VERSION, 1) >= 1) {
        reply(acting, at, "ai.reply", "/reply");
      }
    }
  }

  /** Change id of the AI router's fallback when its classify activity fails for good. */
  static final String AI_FALLBACK = "h-ai-classify-fallback";

  /**
   * The AI router's decision; when its classify activity failed for good (its last attempt timed out on
   * a worker that died, say), the offline fallback's decision with the failure as its reason, so the
   * journey goes on instead of failing.
   */
  private RoutingDecision aiDecision(Promise<RoutingDecision> ai, ClassificationRequest request) {
    try {
      return ai.get();
    } catch (ActivityFailure e) {
      if (Workflow.getVersion(AI_FALLBACK, Workflow.DEFAULT_VERSION, 1) < 1) {
        throw e;
      }
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String reason = "classify activity failed: " + cause.getClass().getSimpleName()
          + (cause.getMessage() == null ? "" : " " + cause.getMessage());
      return ctx.stubs.intent.classifyAiFallback(request, reason.length() > 300 ? reason.substring(0, 300) : reason);
    }
  }

  /** Change id of the AI stage's replies (journeys started before them replay without). */
  static final String AI_REPLIES = "ai-replies";

  /** Change id of the acknowledgement sent on handoff (journeys started before it replay without). */
  static final String HANDOFF_ACK = "h18a-handoff-ack";

  /**
   * Says the AI's answer or clarifying question, or the handoff acknowledgement, to the customer
   * (prompts/replies.yaml), in their language, once per triage (the key names the triage).
   */
  private void reply(RoutingDecision acting, Instant at, String step, String keySuffix) {
    JourneyState s = ctx.state;
    String key = s.journeyId + "/triage-" + s.routingDecisions + keySuffix;
    boolean detected = s.language != null
        && !io.handoff.intent.offline.LanguageIdentifier.UNDETERMINED.equals(s.language);
    String language = detected ? s.language
        : s.customer == null || s.customer.locale() == null ? null
        : s.customer.locale().split("[-_]")[0].toLowerCase(java.util.Locale.ROOT);
    MessagingActivities.AiReplySent sent = ctx.stubs.messaging.sendAiReply(s.conversationId, acting.handoff(),
        acting.intent(), language, key);
    if (sent == null) {
      return;
    }
    s.messagesSent++;
    ctx.timeline(at, step, sent.text(), Map.of("decision", acting.handoff().name(),
        "intent", String.valueOf(acting.intent()), "language", sent.language()));
  }

  private TicketDraft draft(RoutingDecision d) {
    JourneyState s = ctx.state;
    StringBuilder transcript = new StringBuilder();
    s.messages.forEach(m -> transcript.append(m.author().name().toLowerCase(java.util.Locale.ROOT)).append(": ")
        .append(m.text() == null ? EventStep.NO_TEXT : m.text()).append('\n'));
    String first = s.messages.stream().map(io.handoff.intent.ConversationMessage::text)
        .filter(t -> t != null && !t.isBlank()).findFirst().orElse("Conversation " + s.conversationId);
    String subject = first.length() > SUBJECT_LENGTH ? first.substring(0, SUBJECT_LENGTH - 1) + "…" : first;
    Set<String> tags = new LinkedHashSet<>(s.tags);
    if (d.intent() != null) {
      tags.add(d.intent());
    }
    Map<String, String> fields = new HashMap<>();
    if (d.intent() != null) {
      fields.put("intent", d.intent());
    }
    if (s.language != null) {
      fields.put("language", s.language);
    }
    if (s.customer != null && s.customer.tier() != null) {
      fields.put("tier", s.customer.tier());
    }
    return new TicketDraft(subject, transcript.toString().trim(),
        s.customer == null ? null : s.customer.id(), s.customer == null ? null : s.customer.name(),
        s.customer == null ? null : s.customer.email(), d.priority() == null ? null : d.priority().wireName(),
        d.group(), tags, s.channel == null ? "api" : s.channel.wireName(), fields, s.conversationId);
  }

  private static RoutingView.RouterDecision view(RoutingDecision d) {
    var c = d.classification();
    return new RoutingView.RouterDecision(d.intent(), d.group(), d.handoff().name(), d.confidence(), c.language(),
        d.priority() == null ? null : d.priority().wireName(), c.classifier(),
        c.fallbackReason() != null ? c.reason() + " (fallback: " + c.fallbackReason() + ")" : c.reason(),
        c.latencyMs(), c.costUsd());
  }
}
