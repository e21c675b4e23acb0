package io.handoff.sla.hours;

import java.time.LocalDate;

/** Closed days, inclusive, in the schedule's local calendar ({@code from == to} for one day). */
public record Holiday(String name, LocalDate from, LocalDate to) {

  public boolean covers(LocalDate date) {
    return !date.isBefore(from) && !date.isAfter(to);
  }
}
