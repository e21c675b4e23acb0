package io.handoff.intent;

import io.handoff.intent.llm.FallbackKind;
import io.handoff.intent.llm.LlmIntentClassifier;
import io.handoff.intent.llm.LlmSettings;
import io.handoff.intent.llm.LlmUnavailableException;
import io.handoff.intent.policy.HandoffPolicy;
import io.handoff.intent.policy.HandoffPolicyLoader;
import io.handoff.metrics.HandoffMetrics;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Serves the classification activities. The classifiers and policy come from a supplier read once per
 * call: in the service, built once per rule directory in use (so a reload applies from the next call).
 */
public class IntentActivitiesImpl implements IntentActivities {
  /** Failure type of an LLM outage; retryable by Temporal. */
  public static final String LLM_UNAVAILABLE = "LlmUnavailable";
  private final Supplier<IntentService> services;
  private final HandoffMetrics metrics;

  /** Outside CDI (tests): metrics go to a registry nothing exports. */
  public IntentActivitiesImpl(IntentService service) {
    this(service, HandoffMetrics.unexported());
  }

  public IntentActivitiesImpl(IntentService service, HandoffMetrics metrics) {
    this(() -> service, metrics);
  }

  /** @param services read at each call; build each service once, not per call */
  public IntentActivitiesImpl(Supplier<IntentService> services, HandoffMetrics metrics) {
    this.services = services;
    this.metrics = metrics;
  }

  /** Builds the service from the files; public so that non-CDI callers (tests, CLI) can share it. */
  public static IntentService create(String classifier, LlmSettings llm, Path promptsDir, Path workflowsDir) {
    return create(classifier, llm, ClassifierFactory.BUILTIN, promptsDir, workflowsDir);
  }

  /** @param embeddings {@code handoff.ai.offline.embeddings}: builtin or minilm */
  public static IntentService create(String classifier, LlmSettings llm, String embeddings, Path promptsDir,
      Path workflowsDir) {
    ClassifierFactory f = new ClassifierFactory(promptsDir, workflowsDir, llm, embeddings);
    return new IntentService(f.create(classifier, null), f.create("rules", null),
        HandoffPolicyLoader.forDirectories(workflowsDir, promptsDir));
  }

  /**
   * The service built from intent files the rule directory already loaded and validated.
   *
   * @param embeddings {@code handoff.ai.offline.embeddings}: builtin or minilm
   */
  public static IntentService create(String classifier, LlmSettings llm, String embeddings, IntentFiles files) {
    ClassifierFactory f = new ClassifierFactory(files, llm, embeddings);
    return new IntentService(f.create(classifier, null), f.create("rules", null), files.journeyPolicy());
  }

  /** The classifiers and policy this activity serves now (tests classify through it directly). */
  public IntentService service() {
    return services.get();
  }

  private static String provider(IntentService service) {
    return service.ai() instanceof LlmIntentClassifier c ? c.settings().provider() : HandoffMetrics.NONE;
  }

  private static String model(IntentService service) {
    return service.ai() instanceof LlmIntentClassifier c ? c.settings().model() : HandoffMetrics.NONE;
  }

  @Override
  public RoutingDecision classifyAi(ClassificationRequest request) {
    ActivityInfo info = Activity.getExecutionContext().getInfo();
    // Some servers (the Java test server among them) report maximumAttempts 0 to the activity, so
    // the attempt count of defaultOptions() is the fallback; keep the workflow's options in step.
    int reported = info.getRetryOptions() == null ? 0 : info.getRetryOptions().getMaximumAttempts();
    int max = reported > 0 ? reported : IntentActivities.MAX_ATTEMPTS;
    boolean last = info.getAttempt() >= max;
    long start = System.nanoTime();
    IntentService service = services.get();
    String classifier = service.ai().name();
    try {
      RoutingDecision d = service.classifyAi(request, last);
      metrics.classified("ai", classifier, provider(service), model(service), measured(d),
          Duration.ofNanos(System.nanoTime() - start));
      return d;
    } catch (LlmUnavailableException e) {
      metrics.classifierRetried(classifier, provider(service), e.statusCode());
      throw ApplicationFailure.newBuilder().setType(LLM_UNAVAILABLE).setMessage(e.getMessage())
          .setNextRetryDelay(e.retryAfter()).build();
    }
  }

  @Override
  public RoutingDecision classifyAiFallback(ClassificationRequest request, String reason) {
    long start = System.nanoTime();
    IntentService service = services.get();
    RoutingDecision d = service.classifyAiFallback(request, reason);
    metrics.classified("ai", service.ai().name(), provider(service), model(service), measured(d),
        Duration.ofNanos(System.nanoTime() - start));
    return d;
  }

  @Override
  public RoutingDecision classifyRules(ClassificationRequest request) {
    long start = System.nanoTime();
    RoutingDecision d = services.get().classifyRules(request);
    metrics.classified("rules", "rules", HandoffMetrics.NONE, HandoffMetrics.NONE, measured(d),
        Duration.ofNanos(System.nanoTime() - start));
    return d;
  }

  /** The metric labels of one decision (metrics imports no intent type). */
  private static HandoffMetrics.Decision measured(RoutingDecision d) {
    Classification c = d.classification();
    return new HandoffMetrics.Decision(d.intent(), d.handoff().name().toLowerCase(Locale.ROOT),
        HandoffPolicy.ruleOf(d.policyReason()),
        c.fallbackReason() == null ? null : FallbackKind.label(c.fallbackReason()),
        c.inputTokens(), c.outputTokens(), c.costUsd());
  }
}
