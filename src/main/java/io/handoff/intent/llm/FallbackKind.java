package io.handoff.intent.llm;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why the LLM classifier fell back to the offline one, as a small closed set (a metric label). Each
 * kind owns the prefix that {@link LlmFailure} and {@link LlmIntentClassifier} start their fallback
 * reason with, so the reason text and its kind cannot drift apart.
 */
public enum FallbackKind {
  TIMEOUT("timeout after "),
  RATE_LIMITED("rate limited (429)"),
  /** A 5xx, or any other provider status; told apart from a 4xx by the status in the reason. */
  PROVIDER_ERROR("provider error "),
  REFUSAL("refusal: "),
  MALFORMED("malformed JSON from the model: "),
  OFF_SCHEMA("output does not fit the schema: "),
  CALL_FAILED("call failed: "),
  OTHER("");

  private static final Pattern STATUS = Pattern.compile("^provider error (\\d{3})");
  private final String prefix;

  FallbackKind(String prefix) {
    this.prefix = prefix;
  }

  /** The text a fallback reason of this kind starts with. */
  public String prefix() {
    return prefix;
  }

  /** Every label {@link #label} can return. */
  public static java.util.List<String> labels() {
    return java.util.List.of("timeout", "rate_limited", "server_error", "client_error", "refusal", "malformed",
        "off_schema", "call_failed", "other");
  }

  /**
   * The label of a {@code Classification.fallbackReason()}: timeout, rate_limited, server_error,
   * client_error, refusal, malformed, off_schema, call_failed or other.
   */
  public static String label(String fallbackReason) {
    String r = fallbackReason == null ? "" : fallbackReason.replaceFirst("^" + LlmIntentClassifier.NAME + " failed: ", "");
    for (FallbackKind k : values()) {
      if (k != OTHER && r.startsWith(k.prefix)) {
        if (k == PROVIDER_ERROR) {
          Matcher m = STATUS.matcher(r);
          return m.find() && Integer.parseInt(m.group(1)) >= 500 ? "server_error" : "client_error";
        }
        return k.name().toLowerCase(Locale.ROOT);
      }
    }
    return "other";
  }
}
