package io.handoff.sla.hours;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A named business-hours schedule: a time zone, weekly open intervals and holidays. Arithmetic is
 * done day by day in local time, turning each open interval into real instants, so a day with a
 * daylight-saving change counts its real length (an 01:00-04:00 interval is 2 h when clocks spring
 * forward, 4 h when they fall back). Local times inside a DST gap move forward, like
 * {@link java.time.ZonedDateTime#of}. Pure and immutable: safe inside workflow code and serialisable.
 */
public record BusinessSchedule(String name, String timeZone, List<WeeklyInterval> hours, List<Holiday> holidays)
    implements WorkingTime {

  /** Ten years: a schedule with no open hours in that span is treated as broken rather than looped on. */
  private static final int MAX_DAYS = 3660;
  /** Parsed zones; parsing on every calculation dominated the cost of SLA deadline computations. */
  private static final Map<String, ZoneId> ZONES = new ConcurrentHashMap<>();

  public BusinessSchedule {
    ZoneId.of(timeZone);
    hours = hours.stream().sorted(Comparator.comparing(WeeklyInterval::day)
        .thenComparingInt(WeeklyInterval::startMinute)).toList();
    holidays = List.copyOf(holidays);
    if (hours.isEmpty()) {
      throw new IllegalArgumentException("schedule " + name + " has no open hours");
    }
  }

  @JsonIgnore
  public ZoneId zone() {
    return ZONES.computeIfAbsent(timeZone, ZoneId::of);
  }

  /** True when {@code at} is inside an open interval (not on a holiday). */
  public boolean isWithin(Instant at) {
    for (Instant[] iv : openOn(at.atZone(zone()).toLocalDate())) {
      if (!at.isBefore(iv[0]) && at.isBefore(iv[1])) {
        return true;
      }
    }
    return false;
  }

  /**
   * The instant when {@code d} of business time has elapsed from {@code start}. A target that ends
   * exactly at closing time is due at closing time, not at the next opening.
   */
  public Instant addBusinessTime(Instant start, Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("negative business duration " + d);
    }
    Duration remaining = d;
    LocalDate date = start.atZone(zone()).toLocalDate();
    for (int i = 0; i < MAX_DAYS; i++, date = date.plusDays(1)) {
      for (Instant[] iv : openOn(date)) {
        Instant from = iv[0].isAfter(start) ? iv[0] : start;
        if (!from.isBefore(iv[1])) {
          continue;
        }
        Duration available = Duration.between(from, iv[1]);
        if (remaining.compareTo(available) <= 0) {
          return from.plus(remaining);
        }
        remaining = remaining.minus(available);
      }
    }
    throw new IllegalStateException("schedule " + name + " has no open hours within " + MAX_DAYS + " days");
  }

  /** Business time between {@code a} and {@code b}; negative when {@code b} is before {@code a}. */
  public Duration businessTimeBetween(Instant a, Instant b) {
    if (b.isBefore(a)) {
      return businessTimeBetween(b, a).negated();
    }
    Duration sum = Duration.ZERO;
    LocalDate last = b.atZone(zone()).toLocalDate();
    for (LocalDate date = a.atZone(zone()).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
      for (Instant[] iv : openOn(date)) {
        Instant from = iv[0].isAfter(a) ? iv[0] : a;
        Instant to = iv[1].isBefore(b) ? iv[1] : b;
        if (from.isBefore(to)) {
          sum = sum.plus(Duration.between(from, to));
        }
      }
    }
    return sum;
  }

  @Override
  public Instant add(Instant start, Duration d) {
    return addBusinessTime(start, d);
  }

  @Override
  public Duration between(Instant a, Instant b) {
    return businessTimeBetween(a, b);
  }

  /** Open intervals of a local date as [start, end) instants, in order; empty on a holiday. */
  private List<Instant[]> openOn(LocalDate date) {
    List<Instant[]> out = new ArrayList<>(2);
    for (Holiday h : holidays) {
      if (h.covers(date)) {
        return out;
      }
    }
    ZoneId zone = zone();
    for (WeeklyInterval iv : hours) {
      if (iv.day() == date.getDayOfWeek()) {
        Instant s = date.atStartOfDay().plusMinutes(iv.startMinute()).atZone(zone).toInstant();
        Instant e = iv.endMinute() == 1440 ? date.plusDays(1).atStartOfDay(zone).toInstant()
            : date.atStartOfDay().plusMinutes(iv.endMinute()).atZone(zone).toInstant();
        if (s.isBefore(e)) {
          out.add(new Instant[] {s, e});
        }
      }
    }
    return out;
  }
}
