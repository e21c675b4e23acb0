package io.handoff.temporal;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.handoff.config.HandoffConfig;
import io.handoff.privacy.AesGcmPayloadCodec;
import io.handoff.privacy.PayloadEncryption;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Owns Handoff's Temporal connection: the server of {@code handoff.temporal.mode} (the embedded test
 * server, a supervised Temporal CLI dev server, or a cluster), the service stubs, the client and the
 * worker. Started once at application start and stopped in the order the SDK needs: worker factory,
 * then stubs, then server.
 */
@ApplicationScoped
public class TemporalRuntime {
  private static final Logger LOG = Logger.getLogger(TemporalRuntime.class);

  private final HandoffConfig config;
  private final MeterRegistry meterRegistry;
  private final WorkerRegistrations registrations;

  @Inject
  public TemporalRuntime(HandoffConfig config, MeterRegistry meterRegistry, WorkerRegistrations registrations) {
    this.config = config;
    this.meterRegistry = meterRegistry;
    this.registrations = registrations;
  }

  private HandoffConfig.Mode mode;
  private EmbeddedTemporalServer embedded;
  private TemporalDevServer devServer;
  private WorkflowServiceStubs stubs;
  private WorkflowClient client;
  private WorkerFactory factory;
  private Scope metricsScope;

  void onStart(@Observes @Priority(10) StartupEvent ev) {
    start();
  }

  void onStop(@Observes ShutdownEvent ev) {
    stop();
  }

  synchronized void start() {
    if (client != null) {
      return;
    }
    HandoffConfig.Temporal t = config.temporal();
    mode = HandoffConfig.Mode.of(t.mode(), t.target());
    String target;
    switch (mode) {
      case CLUSTER -> {
        target = t.target().orElseThrow(() -> new io.quarkus.runtime.configuration.ConfigurationException(
            "handoff.temporal.target: handoff.temporal.mode=cluster needs the cluster's host:port"));
        LOG.infof("Connecting to the Temporal cluster at %s (namespace %s)", target, t.namespace());
      }
      case DEV_SERVER -> {
        HandoffConfig.DevServer d = t.devServer();
        devServer = TemporalDevServer.start(new TemporalDevServer.Options(d.binary(), "handoff.temporal.dev-server.binary",
            t.embeddedPort(), d.uiPort(), d.headless(), devServerDatabase(config.dataDir()), SearchAttributes.all(),
            d.readyTimeout(), d.maxRestarts()));
        target = devServer.target();
        LOG.infof("Temporal dev server on %s: journeys are kept in %s and survive restarts through Temporal%s",
            target, devServerDatabase(config.dataDir()).toAbsolutePath(),
            d.headless() ? "" : "; Temporal Web UI on " + devServer.uiUrl());
      }
      default -> {
        embedded = EmbeddedTemporalServer.start(t.embeddedPort());
        target = embedded.target();
        LOG.warnf(
            "Embedded Temporal test server on %s: journeys are kept in memory only (restored from Handoff's journal"
                + " at start) and there is no Temporal UI. Set handoff.temporal.mode=dev-server for a real Temporal"
                + " server with its UI, or handoff.temporal.target for a cluster.",
            target);
        // Embedded stays the default where the Temporal CLI is installed (docs/benchmarks.md): say it is there.
        TemporalDevServer.resolve(t.devServer().binary(), System.getenv("PATH")).ifPresent(cli -> LOG.infof(
            "The Temporal CLI is installed (%s): handoff.temporal.mode=dev-server would run the real Temporal server"
                + " with its Web UI, keeping journeys in %s", cli, devServerDatabase(config.dataDir())));
      }
    }
    metricsScope = new RootScopeBuilder()
        .reporter(new MicrometerClientStatsReporter(meterRegistry))
        .reportEvery(com.uber.m3.util.Duration.ofSeconds(10));
    WorkflowServiceStubsOptions.Builder options = WorkflowServiceStubsOptions.newBuilder()
        .setTarget(target)
        .setRpcQueryTimeout(t.queryTimeout())
        .setMetricsScope(metricsScope);
    if (t.tls()) {
      options.setEnableHttps(true);
    }
    t.apiKey().ifPresent(key -> options.addApiKey(() -> key));
    stubs = WorkflowServiceStubs.newServiceStubs(options.build());
    String namespace = mode == HandoffConfig.Mode.CLUSTER ? t.namespace() : "default";
    client = WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder().setNamespace(namespace)
        .setDataConverter(dataConverter(t.payloadEncryption())).build());
    if (embedded != null) {
      registerSearchAttributes(namespace);
    }
    if (t.workerEnabled()) {
      registrations.warmUp();
      factory = WorkerFactory.newInstance(client);
      Worker worker = factory.newWorker(t.taskQueue(), workerOptions(sticky(t, target), t.workflowTaskPollers(),
          t.activityTaskPollers(), t.deadlockDetectionTimeout()));
      worker.registerWorkflowImplementationTypes(registrations.workflowTypes().toArray(Class<?>[]::new));
      worker.registerActivitiesImplementations(registrations.activities());
      factory.start();
    }
  }

  /**
   * Whether the worker asks for sticky execution. {@code auto}: yes with the embedded server (it dies with
   * the worker), no against a server that reports no version, which is Temporal's Java test server run on
   * its own: it routes a workflow's tasks and queries to the sticky queue of the worker that last ran it
   * and, unlike a cluster, never falls back to the task queue when that worker is gone, so after a worker
   * crash those journeys would stall.
   */
  private boolean sticky(HandoffConfig.Temporal t, String target) {
    boolean sticky = sticky(t.stickyExecution(), embedded != null, () -> stubs.blockingStub()
        .withDeadlineAfter(10, java.util.concurrent.TimeUnit.SECONDS)
        .getSystemInfo(io.temporal.api.workflowservice.v1.GetSystemInfoRequest.getDefaultInstance())
        .getServerVersion());
    if (!sticky && t.stickyExecution() == HandoffConfig.StickyExecution.OFF) {
      LOG.info("Sticky execution is off (handoff.temporal.sticky-execution=off)");
    } else if (!sticky) {
      LOG.infof("The Temporal server at %s reports no version (Temporal's Java test server): sticky execution"
          + " is off, because that server does not move a dead worker's sticky tasks back to the task queue"
          + " (handoff.temporal.sticky-execution=on overrides)", target);
    }
    return sticky;
  }

  /** The sticky-execution decision: {@code auto} is on with the embedded server or a server that reports a version. */
  static boolean sticky(HandoffConfig.StickyExecution setting, boolean embedded,
      java.util.function.Supplier<String> serverVersion) {
    return switch (setting) {
      case ON -> true;
      case OFF -> false;
      case AUTO -> embedded || !serverVersion.get().isEmpty();
    };
  }

  /**
   * The journey worker's options. Without sticky execution the schedule-to-start timeout of the sticky
   * queue is zero, which makes the worker complete tasks without sticky attributes: every workflow task
   * and query then goes to the task queue that any live worker polls, at the cost of a full replay.
   * The numbers of pollers come from {@code handoff.temporal.workflow-task-pollers} and
   * {@code activity-task-pollers}, the deadlock detector's limit from
   * {@code handoff.temporal.deadlock-detection-timeout}.
   */
  static WorkerOptions workerOptions(boolean sticky, int workflowTaskPollers, int activityTaskPollers,
      Duration deadlockDetectionTimeout) {
    if (workflowTaskPollers < 2 || activityTaskPollers < 1) {
      throw new IllegalArgumentException("handoff.temporal.workflow-task-pollers must be at least 2 and"
          + " handoff.temporal.activity-task-pollers at least 1, got " + workflowTaskPollers + " and "
          + activityTaskPollers);
    }
    if (deadlockDetectionTimeout.toMillis() < 1) {
      // The SDK reads 0 as its own default (1 s): a value that rounds to 0 ms would silently mean 1 s.
      throw new IllegalArgumentException("handoff.temporal.deadlock-detection-timeout must be at least 1ms, got "
          + deadlockDetectionTimeout);
    }
    WorkerOptions.Builder options = WorkerOptions.newBuilder()
        .setMaxConcurrentWorkflowTaskPollers(workflowTaskPollers)
        .setMaxConcurrentActivityTaskPollers(activityTaskPollers)
        .setDefaultDeadlockDetectionTimeout(deadlockDetectionTimeout.toMillis());
    if (!sticky) {
      options.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
    }
    return options.build();
  }

  /**
   * The client's (and so the worker's) data converter: Temporal's default, wrapped by the payload codec
   * that encrypts when a key is configured and always names a missing key when it meets an encrypted
   * payload it cannot read.
   */
  private static DataConverter dataConverter(HandoffConfig.PayloadEncryption e) {
    AesGcmPayloadCodec codec = PayloadEncryption.codec(e.key(), e.keyId(), e.oldKeys());
    if (codec.encrypts()) {
      LOG.infof("Temporal payloads are encrypted with AES-256-GCM, key id %s (%d older keys for decryption)",
          e.keyId(), e.oldKeys().size());
    }
    return PayloadEncryption.dataConverter(codec);
  }

  /** Registers the custom search attributes on the embedded server, which starts empty every time. */
  private void registerSearchAttributes(String namespace) {
    OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(
        OperatorServiceStubsOptions.newBuilder().setChannel(stubs.getRawChannel()).validateAndBuildWithDefaults());
    try {
      AddSearchAttributesRequest.Builder req = AddSearchAttributesRequest.newBuilder().setNamespace(namespace);
      SearchAttributes.all().forEach(req::putSearchAttributes);
      operator.blockingStub().addSearchAttributes(req.build());
    } finally {
      operator.shutdown();
    }
  }

  synchronized void stop() {
    if (factory != null) {
      factory.shutdown();
      factory.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
      factory = null;
    }
    if (stubs != null) {
      stubs.shutdown();
      stubs.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
      stubs = null;
    }
    if (metricsScope != null) {
      try {
        metricsScope.close();
      } catch (Exception e) {
        LOG.debug("Closing the Temporal metrics scope failed", e);
      }
    }
    if (embedded != null) {
      embedded.close();
      embedded = null;
    }
    if (devServer != null) {
      devServer.close();
      devServer = null;
    }
    client = null;
  }

  @Produces
  @ApplicationScoped
  WorkflowClient workflowClient() {
    start();
    return client;
  }

  /**
   * True when the Temporal frontend answers within the timeout. Any gRPC answer but UNAVAILABLE or
   * DEADLINE_EXCEEDED counts: the embedded test server answers NOT_FOUND rather than a health status.
   */
  public boolean isServing(Duration timeout) {
    WorkflowServiceStubs s = stubs;
    if (s == null) {
      return false;
    }
    try {
      s.blockingStub().withDeadlineAfter(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
          .describeWorkflowExecution(io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest.newBuilder()
              .setNamespace(client.getOptions().getNamespace())
              .setExecution(io.temporal.api.common.v1.WorkflowExecution.newBuilder().setWorkflowId("handoff-health-probe"))
              .build());
      return true;
    } catch (io.grpc.StatusRuntimeException e) {
      io.grpc.Status.Code code = e.getStatus().getCode();
      return code != io.grpc.Status.Code.UNAVAILABLE && code != io.grpc.Status.Code.DEADLINE_EXCEEDED;
    }
  }

  public String taskQueue() {
    return config.temporal().taskQueue();
  }

  /** Whether this is the in-process test server, which forgets journeys at a restart (restore from the journal). */
  public boolean embedded() {
    return embedded != null;
  }

  /** The mode in force ({@code handoff.temporal.mode}, or what the target implies). */
  public HandoffConfig.Mode mode() {
    return mode == null ? HandoffConfig.Mode.of(config.temporal().mode(), config.temporal().target()) : mode;
  }

  /** The dev server's Web UI address, in mode dev-server with its UI. */
  public java.util.Optional<String> uiUrl() {
    TemporalDevServer d = devServer;
    return d == null || d.uiPort() == 0 ? java.util.Optional.empty() : java.util.Optional.of(d.uiUrl());
  }

  /** Why the supervised dev server is down for good, if it is. */
  public java.util.Optional<String> devServerFailure() {
    TemporalDevServer d = devServer;
    return d == null ? java.util.Optional.empty() : d.failure();
  }

  /** The dev server's SQLite file under the data directory. */
  static java.nio.file.Path devServerDatabase(String dataDir) {
    return java.nio.file.Path.of(dataDir, "temporal", "handoff-temporal.db");
  }
}
