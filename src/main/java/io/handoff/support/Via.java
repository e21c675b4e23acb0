package io.handoff.support;

import java.util.List;
import java.util.Map;

/**
 * Ticket channels ("via"). Rule files use the channel names of public contract v1; Zendesk's numeric
 * {@code via_id} codes for the same channels are accepted and mapped to those names.
 */
final class Via {

  private Via() {}

  static final List<String> NAMES = List.of(
      "web_widget", "ios", "android", "whatsapp", "facebook", "instagram", "email", "api", "web_form", "rule");

  /** Zendesk via codes (ZENDESK-FORMATS.md §1.2) for the channels above; 49 (mobile SDK) maps to ios. */
  static final Map<String, String> CODES = Map.of(
      "0", "web_form", "4", "email", "5", "api", "8", "rule", "48", "web_widget", "49", "ios",
      "74", "whatsapp", "78", "facebook", "41", "facebook", "86", "instagram");

  /** Names and codes, as accepted in rule files. */
  static final List<String> ALLOWED = java.util.stream.Stream.concat(NAMES.stream(),
      CODES.keySet().stream().sorted()).toList();

  static String normalise(String value) {
    return value == null ? null : CODES.getOrDefault(value.trim(), value.trim());
  }
}
