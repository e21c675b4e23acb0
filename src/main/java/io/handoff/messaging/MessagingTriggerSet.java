package io.handoff.messaging;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Loaded messaging triggers in declared order, the time zone hour/day conditions use, the rule-set
 * version, and the dynamic content their texts use ({@code {{dc.name}}}).
 */
public record MessagingTriggerSet(List<MessagingTrigger> triggers, ZoneId timeZone, String version,
    io.handoff.trigger.DynamicContent content) {

  public MessagingTriggerSet {
    triggers = List.copyOf(triggers);
    content = content == null ? io.handoff.trigger.DynamicContent.NONE : content;
  }

  public MessagingTriggerSet(List<MessagingTrigger> triggers, ZoneId timeZone, String version) {
    this(triggers, timeZone, version, null);
  }

  /** The same triggers with {@code content} for their {@code {{dc.name}}} placeholders. */
  public MessagingTriggerSet withContent(io.handoff.trigger.DynamicContent content) {
    return new MessagingTriggerSet(triggers, timeZone, version, content);
  }

  public static MessagingTriggerSet empty(String version) {
    return new MessagingTriggerSet(List.of(), ZoneOffset.UTC, version);
  }
}
