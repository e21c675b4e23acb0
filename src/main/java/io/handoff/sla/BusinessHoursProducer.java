package io.handoff.sla;

import io.handoff.config.HandoffConfig;
import io.handoff.rules.RuleFileError;
import io.handoff.sla.hours.BusinessHours;
import io.handoff.sla.hours.BusinessHoursLoader;
import io.handoff.sla.yaml.Loaded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;

/**
 * The business-hours schedules of {@code workflows/business-hours.yaml}, loaded once; also the
 * {@link io.handoff.rules.BusinessCalendar} that trigger conditions use.
 */
@ApplicationScoped
public class BusinessHoursProducer {

  @Produces
  @jakarta.inject.Singleton
  BusinessHours businessHours(HandoffConfig config) {
    Loaded<BusinessHours> loaded = BusinessHoursLoader.load(Path.of(config.workflowsDir()).resolve("business-hours.yaml"));
    var errors = loaded.errors().stream().filter(e -> e.severity() == RuleFileError.Severity.ERROR).toList();
    if (!errors.isEmpty()) {
      throw new IllegalStateException("Invalid business hours:\n"
          + String.join("\n", errors.stream().map(RuleFileError::toString).toList()));
    }
    return loaded.value();
  }
}
