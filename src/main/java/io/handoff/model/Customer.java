package io.handoff.model;

import java.util.Map;

/**
 * The customer of a conversation as sent by the channel. Name and e-mail are personal data: they are
 * never logged at INFO and never put into search attributes.
 */
public record Customer(
    String id, String name, String email, String locale, String tier, Map<String, String> attributes) {
  public Customer {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }
}
