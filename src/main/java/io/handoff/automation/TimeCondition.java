package io.handoff.automation;

import io.handoff.sla.hours.WorkingTime;
import java.time.Duration;
import java.time.Instant;

/**
 * One time-based condition: {@code <field> <operator> <hours>}, counted in calendar or business hours.
 *
 * <p>Zendesk counts whole hours and runs automations hourly, so its conditions hold "within the hour".
 * Handoff turns each condition into the exact interval of instants in which it holds, and fires at the
 * interval's start. With {@code e} the time elapsed since the field's instant and {@code r} the time
 * remaining until it (both in calendar or business time):
 *
 * <ul>
 *   <li>since-fields: {@code is N} holds while {@code N <= e < N+1} (the one-hour window Zendesk gives
 *       "is"); {@code greater_than N} once {@code e >= N} (Zendesk: "N hours or more have passed");
 *       {@code less_than N} while {@code 0 <= e < N};
 *   <li>until-fields: {@code less_than N} holds while {@code r <= N} (Zendesk's inclusive "less than"
 *       for hours until the next SLA breach); {@code greater_than N} while {@code r > N}; {@code is N}
 *       while {@code N-1 < r <= N}. After the instant {@code r} is negative.
 * </ul>
 *
 * A field without an instant (never pending, no due date, no SLA breach ahead) never holds.
 *
 * @param operator {@code is}, {@code less_than} or {@code greater_than}
 * @param businessHours true for the {@code *_business_hours} operators
 */
public record TimeCondition(TimeField field, Op operator, boolean businessHours, int hours, int line) {

  /** The comparison, without the business-hours suffix. */
  public enum Op { IS, LESS_THAN, GREATER_THAN }

  /** The instants {@code [from, until)} in which the condition holds; null ends are unbounded. */
  public record Window(Instant from, Instant until) {
    static final Window NEVER = new Window(Instant.MAX, Instant.MIN);

    public boolean contains(Instant t) {
      return (from == null || !t.isBefore(from)) && (until == null || t.isBefore(until));
    }

    /** The first instant at or after {@code t} inside the window, or null if there is none. */
    public Instant earliestFrom(Instant t) {
      Instant start = from == null || from.isBefore(t) ? t : from;
      return until == null || start.isBefore(until) ? start : null;
    }

    public Window intersect(Window o) {
      Instant f = from == null ? o.from : o.from == null ? from : (from.isAfter(o.from) ? from : o.from);
      Instant u = until == null ? o.until : o.until == null ? until : (until.isBefore(o.until) ? until : o.until);
      return new Window(f, u);
    }
  }

  /** The Zendesk operator name, e.g. {@code greater_than_business_hours}. */
  public String operatorWireName() {
    String base = operator.name().toLowerCase(java.util.Locale.ROOT);
    return businessHours ? base + "_business_hours" : base;
  }

  /** "PENDING greater_than 48" style text for traces and messages. */
  public String describe() {
    return field.wireName() + " " + operatorWireName() + " " + hours;
  }

  /** The window of instants in which this condition holds, given the field's instant (null: never). */
  public Window window(Instant reference, WorkingTime business) {
    if (reference == null) {
      return Window.NEVER;
    }
    WorkingTime w = businessHours ? business : WorkingTime.CALENDAR;
    return field.direction() == TimeField.Direction.SINCE ? since(reference, w) : until(reference, w);
  }

  private Window since(Instant ref, WorkingTime w) {
    return switch (operator) {
      case IS -> new Window(after(w, ref, hours), after(w, ref, hours + 1));
      case GREATER_THAN -> new Window(after(w, ref, hours), null);
      case LESS_THAN -> new Window(ref, after(w, ref, hours));
    };
  }

  private Window until(Instant target, WorkingTime w) {
    return switch (operator) {
      case LESS_THAN -> new Window(before(w, target, hours), null);
      case GREATER_THAN -> new Window(null, before(w, target, hours));
      case IS -> new Window(before(w, target, hours), before(w, target, hours - 1));
    };
  }

  /** The instant at which {@code n} hours of working time have elapsed since {@code ref}. */
  private static Instant after(WorkingTime w, Instant ref, int n) {
    return n == 0 ? ref : w.add(ref, Duration.ofHours(n));
  }

  /**
   * The earliest instant from which at most {@code n} hours of working time remain until
   * {@code target}; for {@code n = -1}, the instant one working hour after it.
   */
  static Instant before(WorkingTime w, Instant target, int n) {
    if (n < 0) {
      return w.add(target, Duration.ofHours(-n));
    }
    if (w == WorkingTime.CALENDAR) {
      return target.minus(Duration.ofHours(n));
    }
    return WorkingTimes.earliestWithAtMost(w, target, Duration.ofHours(n));
  }

  /** The value the condition reads at {@code t}, in hours (two decimals), for traces. */
  public String hoursAt(Instant reference, Instant t, WorkingTime business) {
    if (reference == null) {
      return "none";
    }
    WorkingTime w = businessHours ? business : WorkingTime.CALENDAR;
    Duration d = field.direction() == TimeField.Direction.SINCE ? w.between(reference, t) : w.between(t, reference);
    return String.format(java.util.Locale.ROOT, "%.2f hours", d.toMillis() / 3_600_000.0);
  }
}
