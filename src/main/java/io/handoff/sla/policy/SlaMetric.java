package io.handoff.sla.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Zendesk's seven SLA metrics, with their API names ({@code first_reply_time}, ...). */
public enum SlaMetric {
  FIRST_REPLY_TIME, NEXT_REPLY_TIME, PERIODIC_UPDATE_TIME, PAUSABLE_UPDATE_TIME, REQUESTER_WAIT_TIME,
  AGENT_WORK_TIME, TOTAL_RESOLUTION_TIME;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses an API name; null when unknown so callers can report it. */
  @JsonCreator
  public static SlaMetric fromWire(String s) {
    for (SlaMetric m : values()) {
      if (m.wireName().equals(s)) {
        return m;
      }
    }
    return null;
  }
}
