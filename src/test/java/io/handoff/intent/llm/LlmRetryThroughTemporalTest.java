package io.handoff.intent.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.handoff.intent.ClassificationRequest;
import io.handoff.intent.HandoffDecision;
import io.handoff.intent.IntentActivities;
import io.handoff.intent.IntentActivitiesImpl;
import io.handoff.intent.RoutingDecision;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Temporal's retry policy, not the HTTP client, retries LLM outages; the last attempt falls back. */
@Timeout(60)
class LlmRetryThroughTemporalTest {
  private static final String QUEUE = "intent-test";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private TestWorkflowEnvironment env;

  @WorkflowInterface
  public interface TriageWorkflow {
    @WorkflowMethod
    RoutingDecision triage(ClassificationRequest request);
  }

  public static class TriageWorkflowImpl implements TriageWorkflow {
    private final IntentActivities intent =
        Workflow.newActivityStub(IntentActivities.class, IntentActivities.defaultOptions());

    @Override
    public RoutingDecision triage(ClassificationRequest request) {
      return intent.classifyAi(request);
    }
  }

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(QUEUE, io.handoff.testing.TestWorkers.options());
    worker.registerWorkflowImplementationTypes(TriageWorkflowImpl.class);
    LlmSettings settings = ProviderStub.OPENAI.settings(wm.baseUrl(), Duration.ofSeconds(5));
    worker.registerActivitiesImplementations(new IntentActivitiesImpl(
        IntentActivitiesImpl.create("llm", settings, Path.of("prompts"), Path.of("workflows"))));
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  private RoutingDecision run(String text) {
    TriageWorkflow wf = env.getWorkflowClient().newWorkflowStub(TriageWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId("journey-c1").build());
    return wf.triage(ClassificationRequest.ofText("c1", text));
  }

  @Test
  void persistentRateLimitIsTriedThreeTimesThenFallsBackOffline() {
    wm.stubFor(post(urlPathEqualTo(ProviderStub.OPENAI.path)).willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "2").withBody(ProviderStub.OPENAI.error(429))));
    RoutingDecision d = run("I was charged twice this month");
    wm.verify(3, postRequestedFor(anyUrl()));
    assertEquals("offline", d.classification().classifier());
    assertTrue(d.classification().fallbackReason().contains("rate limited (429) on the last attempt"),
        d.classification().fallbackReason());
    assertEquals("billing", d.intent());
  }

  @Test
  void serverErrorThenSuccessUsesTheLlmOnTheSecondAttempt() {
    String path = ProviderStub.OPENAI.path;
    wm.stubFor(post(urlPathEqualTo(path)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(500).withBody(ProviderStub.OPENAI.error(500))).willSetStateTo("up"));
    wm.stubFor(post(urlPathEqualTo(path)).inScenario("flaky").whenScenarioStateIs("up")
        .willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withBody(ProviderStub.OPENAI.reply(LlmIntentClassifierTest.VERDICT))));
    RoutingDecision d = run("J'ai été débité deux fois");
    wm.verify(2, postRequestedFor(anyUrl()));
    assertEquals("llm", d.classification().classifier());
    assertNull(d.classification().fallbackReason());
    assertEquals("billing", d.group());
    // The model said AI_RESOLVES, but a double charge is a billing dispute: the policy sends it to a person.
    assertEquals(HandoffDecision.HANDOFF_TO_HUMAN, d.handoff());
    assertEquals("always-human intent billing", d.policyReason());
  }
}
