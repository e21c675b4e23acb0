package io.handoff.intent;

import io.handoff.intent.llm.LlmIntentClassifier;
import io.handoff.intent.llm.LlmSettings;
import io.handoff.intent.llm.LlmUnavailableException;
import io.handoff.intent.policy.HandoffPolicyLoader;
import io.handoff.metrics.HandoffMetrics;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import io.temporal.failure.ApplicationFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Loads prompts/ and workflows/ once at start-up (invalid files stop the start) and serves the activities. */
@ApplicationScoped
@io.quarkus.runtime.Startup
public class IntentActivitiesImpl implements IntentActivities {
  /** Failure type of an LLM outage; retryable by Temporal. */
  public static final String LLM_UNAVAILABLE = "LlmUnavailable";
  private final IntentService service;
  private final HandoffMetrics metrics;
  private final String provider;
  private final String model;

  @Inject
  public IntentActivitiesImpl(AiConfig ai,
      @ConfigProperty(name = "handoff.prompts-dir", defaultValue = "prompts") String promptsDir,
      @ConfigProperty(name = "handoff.workflows-dir", defaultValue = "workflows") String workflowsDir,
      HandoffMetrics metrics) {
    this(create(ai.classifier(), ai.llmSettings(), ai.offline().embeddings(), Path.of(promptsDir),
        Path.of(workflowsDir)), metrics);
  }

  /** Outside CDI (tests): metrics go to a registry nothing exports. */
  public IntentActivitiesImpl(IntentService service) {
    this(service, HandoffMetrics.unexported());
  }

  public IntentActivitiesImpl(IntentService service, HandoffMetrics metrics) {
    this.service = service;
    this.metrics = metrics;
    LlmSettings llm = service.ai() instanceof LlmIntentClassifier c ? c.settings() : null;
    this.provider = llm == null ? HandoffMetrics.NONE : llm.provider();
    this.model = llm == null ? HandoffMetrics.NONE : llm.model();
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

  /** The classifiers and policy this activity serves (tests classify through it directly). */
  public IntentService service() {
    return service;
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
    String classifier = service.ai().name();
    try {
      RoutingDecision d = service.classifyAi(request, last);
      metrics.classified("ai", classifier, provider, model, d, Duration.ofNanos(System.nanoTime() - start));
      return d;
    } catch (LlmUnavailableException e) {
      metrics.classifierRetried(classifier, provider, e.statusCode());
      throw ApplicationFailure.newBuilder().setType(LLM_UNAVAILABLE).setMessage(e.getMessage())
          .setNextRetryDelay(e.retryAfter()).build();
    }
  }

  @Override
  public RoutingDecision classifyAiFallback(ClassificationRequest request, String reason) {
    long start = System.nanoTime();
    RoutingDecision d = service.classifyAiFallback(request, reason);
    metrics.classified("ai", service.ai().name(), provider, model, d, Duration.ofNanos(System.nanoTime() - start));
    return d;
  }

  @Override
  public RoutingDecision classifyRules(ClassificationRequest request) {
    long start = System.nanoTime();
    RoutingDecision d = service.classifyRules(request);
    metrics.classified("rules", "rules", HandoffMetrics.NONE, HandoffMetrics.NONE, d,
        Duration.ofNanos(System.nanoTime() - start));
    return d;
  }
}
