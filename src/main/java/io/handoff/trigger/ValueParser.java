package io.handoff.trigger;

import io.handoff.yaml.Problems;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns a condition's value (null, a String, or a List of Strings) into the typed value
 * {@link Operators} compares against.
 */
final class ValueParser {

  private final Problems problems;
  private final String rule;
  private final int line;

  ValueParser(Problems problems, String rule, int line) {
    this.problems = problems;
    this.rule = rule;
    this.line = line;
  }

  /** Returns the typed value; on a problem it reports it and returns {@link #INVALID}. */
  Object parse(FieldRef<?> field, Operator op, Object value) {
    if (!op.takesValue()) {
      return null;
    }
    if (value == null) {
      return fail("operator \"" + op.wireName() + "\" needs a value");
    }
    if (op.takesList()) {
      Set<Object> options = new LinkedHashSet<>();
      for (Object s : value instanceof List<?> list ? list : List.of(value)) {
        options.add(single(field, String.valueOf(s)));
      }
      return options.contains(INVALID) ? INVALID : List.copyOf(options);
    }
    if (!(value instanceof String text)) {
      return fail("value of \"" + field.name() + "\" must be a single value, not a list or mapping");
    }
    return switch (op) {
      case REGEX -> regex(text);
      case CONTAINS, NOT_CONTAINS -> text.toLowerCase(Locale.ROOT);
      case INCLUDES, NOT_INCLUDES -> words(field, text);
      default -> single(field, text);
    };
  }

  /** Marker for a value that failed to parse (already reported). */
  static final Object INVALID = new Object();

  private Object regex(String text) {
    try {
      return Pattern.compile(text);
    } catch (PatternSyntaxException e) {
      return fail("bad regular expression \"" + text + "\": " + e.getDescription());
    }
  }

  private Object words(FieldRef<?> field, String text) {
    List<String> words = new ArrayList<>();
    for (String w : text.trim().toLowerCase(Locale.ROOT).split("\\s+")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    if (words.isEmpty()) {
      return fail("\"" + field.name() + "\" needs at least one word or tag");
    }
    return field.type() == ValueType.TAGS ? Set.copyOf(words) : List.copyOf(words);
  }

  private Object single(FieldRef<?> field, String text) {
    String t = text.trim();
    if (t.isEmpty() || t.equals("__NULL__")) {
      // Zendesk writes "no value" as "" in rules and "__NULL__" in its definitions endpoint.
      return field.type() == ValueType.NUMBER || field.type() == ValueType.BOOLEAN
          ? fail("\"" + field.name() + "\" needs a value") : null;
    }
    return switch (field.type()) {
      case NUMBER -> number(field, t);
      case BOOLEAN -> bool(field, t);
      case ORDERED -> indexOf(field, t);
      case TAGS -> t.toLowerCase(Locale.ROOT);
      default -> field.values().isEmpty() ? t : canonical(field, t);
    };
  }

  private Object number(FieldRef<?> field, String t) {
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException e) {
      return fail("value \"" + t + "\" of \"" + field.name() + "\" is not a whole number");
    }
  }

  private Object bool(FieldRef<?> field, String t) {
    if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
      return Boolean.valueOf(t.toLowerCase(Locale.ROOT));
    }
    return fail("value \"" + t + "\" of \"" + field.name() + "\" must be true or false");
  }

  private Object indexOf(FieldRef<?> field, String t) {
    for (int i = 0; i < field.values().size(); i++) {
      if (field.values().get(i).equalsIgnoreCase(t)) {
        return i;
      }
    }
    return notAllowed(field, t);
  }

  private Object canonical(FieldRef<?> field, String t) {
    for (String v : field.values()) {
      if (v.equalsIgnoreCase(t)) {
        return v;
      }
    }
    return notAllowed(field, t);
  }

  private Object notAllowed(FieldRef<?> field, String t) {
    return fail("value \"" + t + "\" is not valid for \"" + field.name() + "\" (allowed: "
        + String.join(", ", field.values()) + ")");
  }

  private Object fail(String message) {
    problems.error(line, rule, message);
    return INVALID;
  }
}
