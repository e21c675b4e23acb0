package io.handoff.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes {@link HandoffMetrics} over Quarkus' Prometheus registry (exported at {@code /q/metrics}). */
@ApplicationScoped
public class MetricsProducer {

  @Produces
  @Singleton
  HandoffMetrics handoffMetrics(MeterRegistry registry) {
    return new HandoffMetrics(registry);
  }
}
