package io.handoff.trigger;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code {{name}}} placeholders in message texts, notification bodies and webhook bodies. Names are a
 * closed list per engine: an unknown one is a validation error, never a blank at run time.
 */
public final class Placeholders {

  private Placeholders() {}

  /** The placeholder names used in {@code text}, in order (spaces inside braces ignored). */
  public static List<String> names(String text) {
    List<String> names = new ArrayList<>();
    int from = 0;
    while (text != null) {
      int open = text.indexOf("{{", from);
      int close = open < 0 ? -1 : text.indexOf("}}", open + 2);
      if (close < 0) {
        return names;
      }
      names.add(text.substring(open + 2, close).trim());
      from = close + 2;
    }
    return names;
  }

  /** The names in {@code text} that are not in {@code known}. */
  public static List<String> unknown(String text, Set<String> known) {
    return names(text).stream().filter(n -> !known.contains(n)).toList();
  }

  /**
   * As {@link #unknown}, for rule files: dynamic content ({@code {{dc.name}}}) is left to
   * {@code io.handoff.rules.DynamicContentUses}, which checks it against {@code dynamic-content.yaml}.
   */
  public static List<String> unknownInRules(String text, Set<String> known) {
    return unknown(text, known).stream().filter(n -> !n.startsWith("dc.")).toList();
  }

  /** Replaces every placeholder with {@code values.apply(name)} ("" when null). */
  public static String render(String text, Function<String, String> values) {
    return render(text, values, false);
  }

  /**
   * Replaces placeholders inside a JSON body, escaping each value for a JSON string so a customer
   * name with quotes cannot break the body.
   */
  public static String renderJson(String text, Function<String, String> values) {
    return render(text, values, true);
  }

  private static String render(String text, Function<String, String> values, boolean json) {
    if (text == null || !text.contains("{{")) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 32);
    int from = 0;
    while (true) {
      int open = text.indexOf("{{", from);
      int close = open < 0 ? -1 : text.indexOf("}}", open + 2);
      if (close < 0) {
        return out.append(text, from, text.length()).toString();
      }
      String value = values.apply(text.substring(open + 2, close).trim());
      value = value == null ? "" : value;
      out.append(text, from, open);
      out.append(json ? new String(JsonStringEncoder.getInstance().quoteAsString(value)) : value);
      from = close + 2;
    }
  }
}
