package io.handoff.intent;

import io.handoff.intent.llm.LlmSettings;
import io.handoff.intent.llm.LlmUnavailableException;
import io.handoff.intent.policy.HandoffPolicyLoader;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import io.temporal.failure.ApplicationFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Loads prompts/ and workflows/ once at start-up (invalid files stop the start) and serves the activities. */
@ApplicationScoped
@io.quarkus.runtime.Startup
public class IntentActivitiesImpl implements IntentActivities {
  /** Failure type of an LLM outage; retryable by Temporal. */
  public static final String LLM_UNAVAILABLE = "LlmUnavailable";
  private final IntentService service;

  @Inject
  public IntentActivitiesImpl(AiConfig ai,
      @ConfigProperty(name = "handoff.prompts-dir", defaultValue = "prompts") String promptsDir,
      @ConfigProperty(name = "handoff.workflows-dir", defaultValue = "workflows") String workflowsDir) {
    this(create(ai.classifier(), ai.llmSettings(), Path.of(promptsDir), Path.of(workflowsDir)));
  }

  public IntentActivitiesImpl(IntentService service) {
    this.service = service;
  }

  /** Builds the service from the files; public so that non-CDI callers (tests, CLI) can share it. */
  public static IntentService create(String classifier, LlmSettings llm, Path promptsDir, Path workflowsDir) {
    ClassifierFactory f = new ClassifierFactory(promptsDir, workflowsDir, llm);
    return new IntentService(f.create(classifier, null), f.create("rules", null),
        HandoffPolicyLoader.load(workflowsDir.resolve("handoff-policy.yaml")).orThrow());
  }

  @Override
  public RoutingDecision classifyAi(ClassificationRequest request) {
    ActivityInfo info = Activity.getExecutionContext().getInfo();
    // Some servers (the Java test server among them) report maximumAttempts 0 to the activity, so
    // the attempt count of defaultOptions() is the fallback; keep the workflow's options in step.
    int reported = info.getRetryOptions() == null ? 0 : info.getRetryOptions().getMaximumAttempts();
    int max = reported > 0 ? reported : IntentActivities.MAX_ATTEMPTS;
    boolean last = info.getAttempt() >= max;
    try {
      return service.classifyAi(request, last);
    } catch (LlmUnavailableException e) {
      throw ApplicationFailure.newBuilder().setType(LLM_UNAVAILABLE).setMessage(e.getMessage())
          .setNextRetryDelay(e.retryAfter()).build();
    }
  }

  @Override
  public RoutingDecision classifyRules(ClassificationRequest request) {
    return service.classifyRules(request);
  }
}
