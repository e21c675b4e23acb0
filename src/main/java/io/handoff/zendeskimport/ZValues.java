package io.handoff.zendeskimport;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Normalises Zendesk rule values: live payloads carry strings, numbers, booleans, {@code null} and
 * arrays, and spell "empty" as {@code null}, {@code ""} or {@code "__NULL__"} (docs/zendesk-import.md,
 * "Quirks handled").
 */
final class ZValues {

  static final String NULL_TOKEN = "__NULL__";

  private ZValues() {}

  /** A scalar value as text ("" for every spelling of empty), or null for arrays and objects. */
  static String text(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return "";
    }
    if (!v.isValueNode()) {
      return null;
    }
    String s = v.asText();
    return NULL_TOKEN.equals(s) ? "" : s;
  }

  /** The elements of an array as text (nested arrays give null entries). */
  static List<String> texts(JsonNode v) {
    List<String> out = new ArrayList<>();
    if (v != null && v.isArray()) {
      v.forEach(e -> out.add(text(e)));
    }
    return out;
  }

  /** A short rendering for messages. */
  static String label(JsonNode v) {
    return v == null || v.isMissingNode() ? "(none)" : v.toString();
  }
}
