package io.handoff.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * Key/value webhook parameters in Zendesk's shape, {@code [["key", "value"], ...]}, and their
 * {@code application/x-www-form-urlencoded} form (query string or form body).
 */
public final class WebhookParameters {

  private static final ObjectMapper JSON = new ObjectMapper();

  private WebhookParameters() {}

  /** Whether {@code node} is an array of two-string arrays. */
  public static boolean isPairs(JsonNode node) {
    if (node == null || !node.isArray()) {
      return false;
    }
    for (JsonNode pair : node) {
      if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual() || !pair.get(1).isTextual()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a rule's text (placeholders not rendered) is parameters: blank, or {@code [["key", "value"], ...]}
   * once each placeholder is rendered as a JSON-escaped value.
   */
  public static boolean written(String text) {
    if (text == null || text.isBlank()) {
      return true;
    }
    try {
      return isPairs(JSON.readTree(io.handoff.trigger.Placeholders.renderJson(text, name -> "x")));
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /**
   * The parameters {@code text} holds, form-encoded ({@code key=value&...}, UTF-8); empty for a blank text.
   *
   * @throws IllegalArgumentException when the text is not {@code [["key", "value"], ...]}
   */
  static String encode(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("parameters are not valid JSON: " + e.getOriginalMessage());
    }
    if (!isPairs(node)) {
      throw new IllegalArgumentException("parameters are not [[\"key\", \"value\"], ...]");
    }
    StringJoiner out = new StringJoiner("&");
    for (JsonNode pair : node) {
      out.add(URLEncoder.encode(pair.get(0).asText(), StandardCharsets.UTF_8) + "="
          + URLEncoder.encode(pair.get(1).asText(), StandardCharsets.UTF_8));
    }
    return out.toString();
  }
}
