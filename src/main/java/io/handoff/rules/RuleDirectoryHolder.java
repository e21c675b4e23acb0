package io.handoff.rules;

import io.handoff.config.HandoffConfig;
import io.handoff.trigger.BusinessCalendar;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The rule directory in use: loaded and validated at start-up from {@code handoff.workflows-dir} and
 * {@code handoff.prompts-dir} (the start fails listing every error), read by every activity, the REST
 * resources and the metrics through {@link #current()}, and replaced as a whole by {@link #reload()}.
 * A reload is atomic: the new snapshot replaces the old one only when it has no error, so nothing is ever
 * half-applied. Safe for running journeys: rules are only read inside activities, whose results Temporal
 * records. Also the {@link BusinessCalendar} of trigger conditions, answering with the current schedules.
 */
@ApplicationScoped
@Startup
public class RuleDirectoryHolder implements BusinessCalendar {

  private static final Logger LOG = Logger.getLogger(RuleDirectoryHolder.class);

  /** A change of the files under the directory: applied before a reload, undone when the reload fails. */
  public interface FileChange {
    void apply();

    void undo();
  }

  private Path workflowsDir;
  private Path promptsDir;
  private volatile RuleDirectory current;

  @Inject
  public RuleDirectoryHolder(HandoffConfig config) {
    this(Path.of(config.workflowsDir()), Path.of(config.promptsDir()));
  }

  /**
   * Loads the two directories (plain Java: tests, tools).
   *
   * @throws IllegalStateException listing every error when they are invalid
   */
  public RuleDirectoryHolder(Path workflowsDir, Path promptsDir) {
    this.workflowsDir = workflowsDir;
    this.promptsDir = promptsDir;
    RuleDirectory loaded = RuleDirectoryLoader.load(workflowsDir, promptsDir);
    if (!loaded.isValid()) {
      throw new IllegalStateException("invalid rule files in " + workflowsDir + ", " + promptsDir + ":\n"
          + loaded.errors().stream().map(Object::toString).collect(Collectors.joining("\n")));
    }
    loaded.warnings().forEach(w -> LOG.warn(w.toString()));
    this.current = loaded;
    LOG.infof("rules %s loaded from %s and %s: trigger rules %s, %d messaging and %d active support triggers,"
        + " %d SLA policies, %d active automations, %d schedule(s)", loaded.hash(), workflowsDir, promptsDir,
        loaded.ruleSet().version(), loaded.ruleSet().messaging().triggers().size(),
        loaded.ruleSet().support().ordered().size(), loaded.slaPolicies().policies().size(),
        loaded.automations().ordered().size(), loaded.businessHours().schedules().size());
  }

  /** The snapshot in use; read it once per evaluation so that one evaluation sees one directory. */
  public RuleDirectory current() {
    return current;
  }

  /**
   * Loads both directories again. When they are valid the new snapshot replaces the old one for every
   * evaluation that starts afterwards; else the old one stays. Either way the loaded snapshot is returned,
   * with every error and warning.
   */
  public synchronized RuleDirectory reload() {
    RuleDirectory loaded = RuleDirectoryLoader.load(workflowsDir, promptsDir);
    if (loaded.isValid()) {
      String previous = current.hash();
      current = loaded;
      LOG.infof("rules reloaded from %s and %s: %s -> %s (trigger rules %s)", workflowsDir, promptsDir, previous,
          loaded.hash(), loaded.ruleSet().version());
    } else {
      LOG.warnf("rules in %s and %s not reloaded, %d error(s); %s stays in use", workflowsDir, promptsDir,
          loaded.errors().size(), current.hash());
    }
    return loaded;
  }

  /**
   * Applies {@code change} to the files and reloads, with no other reload in between. When the directory
   * it leaves has an error, the change is undone and the old snapshot stays; the loaded snapshot is
   * returned either way.
   */
  public synchronized RuleDirectory reload(FileChange change) {
    change.apply();
    RuleDirectory loaded = reload();
    if (!loaded.isValid()) {
      change.undo();
    }
    return loaded;
  }

  /**
   * A value derived from the snapshot in use, computed once per snapshot (the first time it is asked for
   * after a reload) instead of at every call: a classifier, a compiled matcher.
   */
  public <T> Supplier<T> view(Function<RuleDirectory, T> derive) {
    return view(d -> d, derive);
  }

  /**
   * As {@link #view(Function)}, computed again only when {@code key} of a new snapshot differs (by
   * {@code equals}) from the one it was computed for: for a value costly to build that depends on a few
   * files only (the intent classifiers, which a reload of the triggers leaves alone).
   */
  public <T> Supplier<T> view(Function<RuleDirectory, ?> key, Function<RuleDirectory, T> derive) {
    return new Supplier<>() {
      private volatile Derived<T> last;

      @Override
      public T get() {
        RuleDirectory now = current;
        Derived<T> d = last;
        if (d == null || d.from() != now) {
          Object k = key.apply(now);
          d = d != null && d.key().equals(k) ? new Derived<>(now, k, d.value())
              : new Derived<>(now, k, derive.apply(now));
          last = d;
        }
        return d.value();
      }
    };
  }

  private record Derived<T>(RuleDirectory from, Object key, T value) {}

  @Override
  public boolean isWithinBusinessHours(String scheduleName, Instant at) {
    return current.businessHours().isWithinBusinessHours(scheduleName, at);
  }

  @Override
  public String scheduleOf(String ticketSchedule) {
    return current.businessHours().scheduleOf(ticketSchedule);
  }
}
