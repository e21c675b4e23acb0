package io.handoff.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The inbound event types of public contract v1, with their wire names. */
public enum EventType {
  CONVERSATION_STARTED("conversation.started"),
  MESSAGE_RECEIVED("message.received"),
  CONVERSATION_QUEUED("conversation.queued"),
  CONVERSATION_ASSIGNED("conversation.assigned"),
  AGENT_REPLIED("agent.replied"),
  CUSTOMER_REPLIED("customer.replied"),
  CONVERSATION_ENDED("conversation.ended");

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** Parses a wire name; returns null when the name is unknown so callers can report it. */
  @JsonCreator
  public static EventType fromWire(String name) {
    for (EventType t : values()) {
      if (t.wireName.equals(name)) {
        return t;
      }
    }
    return null;
  }

  /** True for events written by the customer (they reset inactivity and wait for a reply). */
  public boolean fromCustomer() {
    return this == MESSAGE_RECEIVED || this == CUSTOMER_REPLIED;
  }
}
