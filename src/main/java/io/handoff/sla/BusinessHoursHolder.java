package io.handoff.sla;

import io.handoff.config.HandoffConfig;
import io.handoff.rules.BusinessCalendar;
import io.handoff.rules.RuleFileError;
import io.handoff.sla.hours.BusinessHours;
import io.handoff.sla.hours.BusinessHoursLoader;
import io.handoff.yaml.Loaded;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * The business-hours schedules of {@code workflows/business-hours.yaml}: loaded at start (an invalid file
 * stops the start with every error), and again by {@link #reload()} after an import wrote the file. Also
 * the {@link BusinessCalendar} that trigger conditions use, always answering with the current schedules.
 * Readers take {@link #current()} when they evaluate, so a reload applies from the next evaluation;
 * schedules are only read in activities, so a reload never changes what a journey's history replays.
 */
@ApplicationScoped
public class BusinessHoursHolder implements BusinessCalendar {

  private static final Logger LOG = Logger.getLogger(BusinessHoursHolder.class);

  @Inject HandoffConfig config;
  private volatile BusinessHours current;

  @PostConstruct
  void load() {
    current = read();
  }

  /** The schedules in use. */
  public BusinessHours current() {
    return current;
  }

  /**
   * Reads {@code business-hours.yaml} again; throws {@link IllegalStateException} listing every error
   * (the old schedules stay) when it is invalid.
   */
  public synchronized BusinessHours reload() {
    BusinessHours loaded = read();
    current = loaded;
    LOG.infof("business hours reloaded: %d schedule(s), default %s", loaded.schedules().size(),
        loaded.defaultSchedule());
    return loaded;
  }

  private BusinessHours read() {
    Loaded<BusinessHours> loaded = BusinessHoursLoader.load(Path.of(config.workflowsDir()).resolve("business-hours.yaml"));
    var errors = loaded.errors().stream().filter(e -> e.severity() == RuleFileError.Severity.ERROR).toList();
    if (!errors.isEmpty()) {
      throw new IllegalStateException("Invalid business hours:\n"
          + String.join("\n", errors.stream().map(RuleFileError::toString).toList()));
    }
    return loaded.value();
  }

  @Override
  public boolean isWithinBusinessHours(String scheduleName, java.time.Instant at) {
    return current.isWithinBusinessHours(scheduleName, at);
  }

  @Override
  public String scheduleOf(String ticketSchedule) {
    return current.scheduleOf(ticketSchedule);
  }
}
