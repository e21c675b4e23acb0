package io.handoff.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;

/**
 * Handoff's own Prometheus metrics, all named {@code handoff_*}. Recorded by activities and services
 * only, never by workflow code, so a replayed workflow task never counts twice. Label values are
 * bounded: event types, stages, SLA metrics and policies, trigger titles and intents all come from
 * enums or the rule files, never from customer input.
 */
public class HandoffMetrics {
  /** Value of a label that has no meaningful value (e.g. the provider of the offline classifier). */
  public static final String NONE = "none";

  private final MeterRegistry registry;

  public HandoffMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Metrics kept in a private registry that nothing exports: for code built outside CDI (tests, CLI). */
  public static HandoffMetrics unexported() {
    return new HandoffMetrics(new SimpleMeterRegistry());
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** An inbound event the journey recorded (a duplicate is acknowledged again without effect). */
  public void eventAccepted(String type, boolean duplicate) {
    Counter.builder("handoff.events.accepted")
        .description("Inbound conversation events recorded by their journey")
        .tag("type", type).tag("duplicate", String.valueOf(duplicate))
        .register(registry).increment();
  }

  /**
   * An inbound event that was refused.
   *
   * @param type the event type, or "unknown" when the body did not name a valid one
   * @param reason "invalid" (400: bad input) or "refused" (409: the journey refused it, e.g. closed)
   */
  public void eventRejected(String type, String reason) {
    Counter.builder("handoff.events.rejected")
        .description("Inbound conversation events refused, by reason")
        .tag("type", type).tag("reason", reason)
        .register(registry).increment();
  }

  /** A journey entered a stage (counted once per projected timeline entry). */
  /** A notification (e-mail or webhook) not delivered after its bounded retries; the journey went on. */
  public void notificationFailed(String kind) {
    Counter.builder("handoff.notifications.failed")
        .description("Notifications not delivered after their retries (recorded on the journey's timeline)")
        .tag("kind", kind).register(registry).increment();
  }

  public void stageEntered(String stage) {
    Counter.builder("handoff.journey.stage.entered")
        .description("Journeys that entered each stage")
        .tag("stage", stage)
        .register(registry).increment();
  }

  /** An SLA clock fired: {@code kind} is "breach" or "warning". */
  public void slaFired(String kind, String metric, String policy) {
    slaCounter(kind, metric, policy).increment();
  }

  /** Shows an SLA counter at 0 before its first firing, so rates and alerts have a series to work on. */
  public void declareSla(String kind, String metric, String policy) {
    slaCounter(kind, metric, policy);
  }

  private Counter slaCounter(String kind, String metric, String policy) {
    return Counter.builder("breach".equals(kind) ? "handoff.sla.breaches" : "handoff.sla.warnings")
        .description("breach".equals(kind) ? "SLA targets breached" : "SLA warnings fired")
        .tag("metric", metric).tag("policy", policy == null ? NONE : policy)
        .register(registry);
  }

  /** A trigger fired: {@code kind} is "messaging" or "support"; {@code trigger} is its title. */
  public void triggerFired(String kind, String trigger) {
    triggerCounter(kind, trigger).increment();
  }

  /** Shows a trigger of the rule files at 0 before it first fires. */
  public void declareTrigger(String kind, String trigger) {
    triggerCounter(kind, trigger);
  }

  private Counter triggerCounter(String kind, String trigger) {
    return Counter.builder("handoff.trigger.firings")
        .description("Trigger firings by rule set and trigger title")
        .tag("kind", kind).tag("trigger", trigger)
        .register(registry);
  }

  /**
   * One classification by a router, through the handoff policy.
   *
   * @param router "ai" or "rules"
   * @param classifier the configured classifier: offline, llm or rules
   * @param provider the LLM provider, or {@link #NONE}
   * @param model the LLM model, or {@link #NONE}
   * @param d what the router decided, as metric labels and amounts
   * @param elapsed wall time of the call, fallback included
   */
  public void classified(String router, String classifier, String provider, String model, Decision d,
      Duration elapsed) {
    Timer.builder("handoff.classifier.latency")
        .description("Time to classify one conversation, fallback included")
        .tag("classifier", classifier).tag("provider", provider)
        .publishPercentileHistogram()
        .register(registry).record(elapsed);
    if (d.fallbackReason() != null) {
      fallbackCounter(classifier, d.fallbackReason()).increment();
    }
    if (d.inputTokens() != null) {
      tokenCounter(provider, model, "input").increment(d.inputTokens());
    }
    if (d.outputTokens() != null) {
      tokenCounter(provider, model, "output").increment(d.outputTokens());
    }
    if (d.costUsd() != null) {
      costCounter(provider, model).increment(d.costUsd());
    }
    Counter.builder("handoff.routing.decisions")
        .description("Routing decisions by router, intent, handoff decision and the policy rule that decided")
        .tag("router", router).tag("intent", String.valueOf(d.intent()))
        .tag("handoff", d.handoff())
        .tag("rule", d.rule())
        .register(registry).increment();
  }

  /**
   * One routing decision as {@link #classified} records it: plain label values, so this package needs no
   * intent type (the intent activities convert).
   *
   * @param intent the intent decided, or null
   * @param handoff the handoff decision, lower case
   * @param rule the handoff policy rule that decided
   * @param fallbackReason the fallback reason label (timeout, rate_limited, ...), or null when no fallback
   * @param inputTokens prompt tokens used, or null
   * @param outputTokens completion tokens used, or null
   * @param costUsd cost of the call, or null
   */
  public record Decision(String intent, String handoff, String rule, String fallbackReason, Integer inputTokens,
      Integer outputTokens, Double costUsd) {}

  /** An LLM attempt failed with a retryable error (429, 5xx) and was left to Temporal to retry. */
  public void classifierRetried(String classifier, String provider, int statusCode) {
    retryCounter(classifier, provider, statusCode == 429 ? "rate_limited" : "server_error").increment();
  }

  /**
   * Shows the LLM classifier's counters at 0 from the start (fallbacks by every reason, retries,
   * tokens, cost), so a fallback-rate alert has a denominator before the first failure.
   */
  public void declareLlm(String classifier, String provider, String model, List<String> fallbackReasons) {
    for (String reason : fallbackReasons) {
      fallbackCounter(classifier, reason);
    }
    retryCounter(classifier, provider, "rate_limited");
    retryCounter(classifier, provider, "server_error");
    tokenCounter(provider, model, "input");
    tokenCounter(provider, model, "output");
    costCounter(provider, model);
  }

  private Counter fallbackCounter(String classifier, String reason) {
    return Counter.builder("handoff.classifier.fallbacks")
        .description("Classifications answered by the fallback classifier, by reason")
        .tag("classifier", classifier).tag("reason", reason)
        .register(registry);
  }

  private Counter retryCounter(String classifier, String provider, String reason) {
    return Counter.builder("handoff.classifier.retries")
        .description("LLM attempts failed with 429 or 5xx and retried by Temporal")
        .tag("classifier", classifier).tag("provider", provider).tag("reason", reason)
        .register(registry);
  }

  private Counter tokenCounter(String provider, String model, String direction) {
    return Counter.builder("handoff.classifier.tokens")
        .description("LLM tokens used, by direction")
        .tag("provider", provider).tag("model", model).tag("direction", direction)
        .register(registry);
  }

  private Counter costCounter(String provider, String model) {
    return Counter.builder("handoff.classifier.cost.usd")
        .description("Estimated LLM cost in USD (handoff.ai.input/output-usd-per-million-tokens)")
        .tag("provider", provider).tag("model", model)
        .register(registry);
  }
}
