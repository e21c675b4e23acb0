package io.handoff.messaging;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Loaded messaging triggers in declared order, the time zone hour/day conditions use, and the
 * rule-set version.
 */
public record MessagingTriggerSet(List<MessagingTrigger> triggers, ZoneId timeZone, String version) {

  public MessagingTriggerSet {
    triggers = List.copyOf(triggers);
  }

  public static MessagingTriggerSet empty(String version) {
    return new MessagingTriggerSet(List.of(), ZoneOffset.UTC, version);
  }
}
