package io.handoff.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Messaging channels of public contract v1 (Zendesk's "via" for tickets created from them). */
public enum Channel {
  WEB_WIDGET, IOS, ANDROID, WHATSAPP, FACEBOOK, INSTAGRAM, EMAIL, API;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name; returns null when unknown so callers can report it. */
  @JsonCreator
  public static Channel fromWire(String name) {
    if (name == null) {
      return null;
    }
    for (Channel c : values()) {
      if (c.wireName().equals(name)) {
        return c;
      }
    }
    return null;
  }
}
