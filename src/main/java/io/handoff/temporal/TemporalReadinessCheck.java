package io.handoff.temporal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness reports whether Temporal answers its gRPC health check. */
@Readiness
@ApplicationScoped
public class TemporalReadinessCheck implements HealthCheck {
  private final TemporalRuntime runtime;

  @Inject
  public TemporalReadinessCheck(TemporalRuntime runtime) {
    this.runtime = runtime;
  }

  @Override
  public HealthCheckResponse call() {
    boolean up = runtime.isServing(Duration.ofSeconds(2));
    var response = HealthCheckResponse.named("temporal")
        .status(up)
        .withData("mode", runtime.mode().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
        .withData("taskQueue", runtime.taskQueue());
    runtime.uiUrl().ifPresent(url -> response.withData("ui", url));
    runtime.devServerFailure().ifPresent(f -> response.withData("devServerFailure", f));
    return response.build();
  }
}
