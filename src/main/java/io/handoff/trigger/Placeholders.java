package io.handoff.trigger;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code {{name}}} placeholders in message texts, notification bodies and webhook bodies, with the
 * Liquid subset of {@link Liquid} ({@code {% if %}}, filters ...). Names are a closed list per engine:
 * an unknown one is a validation error, never a blank at run time.
 */
public final class Placeholders {

  private Placeholders() {}

  /**
   * The placeholder names used in {@code text}, in order, each once (spaces inside braces ignored; Liquid
   * filters, tags and the variables a text sets itself are read as {@link Liquid#references} does).
   */
  public static List<String> names(String text) {
    List<String> names = new ArrayList<>();
    if (text != null) {
      Liquid.references(text).forEach(r -> names.add(r.name()));
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

  /** Renders {@code text} (placeholders and Liquid) with {@code values.apply(name)} ("" when null). */
  public static String render(String text, Function<String, String> values) {
    return render(text, Liquid.Scope.of(values), false);
  }

  /** Renders {@code text} with a full scope: values, list placeholders and the time of {@code 'now'}. */
  public static String render(String text, Liquid.Scope scope) {
    return render(text, scope, false);
  }

  /**
   * Renders a JSON body, escaping each output for a JSON string so a customer name with quotes cannot
   * break the body.
   */
  public static String renderJson(String text, Function<String, String> values) {
    return render(text, Liquid.Scope.of(values), true);
  }

  /** As {@link #renderJson(String, Function)}, with a full scope. */
  public static String renderJson(String text, Liquid.Scope scope) {
    return render(text, scope, true);
  }

  /**
   * Liquid ({@link Liquid}) renders the text. A text Liquid refuses never reaches here from a rule file
   * (the loaders report it as {@code file:line}); any other (a text with a stray {@code {%}) keeps the
   * plain substitution of {@code {{name}}} it always had, so nothing in it is dropped.
   */
  private static String render(String text, Liquid.Scope scope, boolean json) {
    if (text == null || (!text.contains("{{") && !text.contains("{%"))) {
      return text;
    }
    try {
      return Liquid.parse(text).render(scope, json);
    } catch (Liquid.LiquidException e) {
      return plain(text, scope.values(), json);
    }
  }

  private static String plain(String text, Function<String, String> values, boolean json) {
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

  /**
   * Every problem Liquid finds in {@code text} (an unsupported tag or filter, a block left open), each
   * with its line in the text; empty when the text renders.
   */
  public static List<Liquid.Problem> liquidProblems(String text) {
    return text == null || (!text.contains("{{") && !text.contains("{%")) ? List.of() : Liquid.check(text);
  }
}
