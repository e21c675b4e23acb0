package io.handoff.ops;

import io.handoff.metrics.HandoffMetrics;
import io.handoff.persistence.JourneyIndex;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Registers the gauges: {@code handoff_journeys{stage}}, counted
 * in the journey index (so the numbers are right after a restart, unlike counters kept in memory),
 * and {@code handoff_ready}, the readiness of {@code /q/health/ready} as 1 or 0. Both are refreshed
 * in the background every {@code handoff.metrics.refresh-interval}, so a scrape never waits for the
 * database or Temporal.
 */
@ApplicationScoped
public class MetricsBinder {
  private static final Logger LOG = Logger.getLogger(MetricsBinder.class);
  private static final String[] STAGES =
      java.util.Arrays.stream(io.handoff.model.Stage.values()).map(Enum::name).toArray(String[]::new);

  private final MeterRegistry registry;
  private final JourneyIndex index;
  private final SmallRyeHealthReporter health;
  private final HandoffMetrics metrics;
  private final io.handoff.rules.RuleDirectoryHolder rules;
  private final io.handoff.intent.AiConfig ai;
  private final io.handoff.config.HandoffConfig config;

  private final Map<String, Double> journeysByStage = new ConcurrentHashMap<>();
  private volatile double ready = Double.NaN;
  private ScheduledExecutorService refresher;

  @Inject
  public MetricsBinder(MeterRegistry registry, JourneyIndex index, SmallRyeHealthReporter health,
      HandoffMetrics metrics, io.handoff.rules.RuleDirectoryHolder rules,
      io.handoff.intent.AiConfig ai, io.handoff.config.HandoffConfig config) {
    this.registry = registry;
    this.index = index;
    this.health = health;
    this.metrics = metrics;
    this.rules = rules;
    this.ai = ai;
    this.config = config;
  }

  void onStart(@Observes StartupEvent ev) {
    declareSeries();
    for (String stage : STAGES) {
      journeysByStage.put(stage, Double.NaN);
      Gauge.builder("handoff.journeys", journeysByStage, m -> m.getOrDefault(stage, Double.NaN))
          .description("Journeys in each stage, from the journey index (refreshed every handoff.metrics.refresh-interval)")
          .tag("stage", stage)
          .register(registry);
    }
    Gauge.builder("handoff.ready", this, b -> b.ready)
        .description("1 when /q/health/ready reports UP (Temporal and the database answer), else 0")
        .register(registry);
    refresher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "handoff-metrics-refresh");
      t.setDaemon(true);
      return t;
    });
    refresher.scheduleWithFixedDelay(this::refresh, 0, config.metrics().refreshInterval().toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Registers at 0 the counters whose label values are known from the rule files and configuration:
   * every trigger, every SLA metric of every policy, and the LLM classifier's counters when it is on.
   */
  private void declareSeries() {
    io.handoff.rules.RuleDirectory directory = rules.current();
    directory.ruleSet().messaging().triggers().forEach(t -> metrics.declareTrigger("messaging", t.title()));
    directory.ruleSet().support().declared().forEach(t -> metrics.declareTrigger("support", t.title()));
    for (var policy : directory.slaPolicies().policies()) {
      for (var m : policy.metrics()) {
        metrics.declareSla("breach", m.metric().wireName(), policy.name());
        if (!m.warningPercents().isEmpty()) {
          metrics.declareSla("warning", m.metric().wireName(), policy.name());
        }
      }
    }
    if ("llm".equals(ai.classifier())) {
      metrics.declareLlm("llm", ai.provider().toLowerCase(java.util.Locale.ROOT), ai.model(),
          io.handoff.intent.llm.FallbackKind.labels());
    }
  }

  void onStop(@Observes ShutdownEvent ev) {
    if (refresher != null) {
      refresher.shutdownNow();
    }
  }

  /** Reads the counts and the readiness once; a failing read shows as NaN (no value), not as zero. */
  void refresh() {
    try {
      Map<String, Long> counts = index.countByStage();
      for (String stage : STAGES) {
        journeysByStage.put(stage, counts.getOrDefault(stage, 0L).doubleValue());
      }
    } catch (RuntimeException e) {
      LOG.debugf(e, "Counting journeys by stage failed");
      journeysByStage.replaceAll((stage, v) -> Double.NaN);
    }
    try {
      ready = health.getReadiness().isDown() ? 0 : 1;
    } catch (RuntimeException e) {
      LOG.debugf(e, "Reading readiness failed");
      ready = 0;
    }
  }
}
