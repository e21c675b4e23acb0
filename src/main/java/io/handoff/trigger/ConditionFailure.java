package io.handoff.trigger;

import java.util.Set;
import java.util.TreeSet;

/**
 * Why a rule did not match: the first failing condition, or that none of the "any" conditions held.
 *
 * @param group "all" or "any"
 * @param condition the condition as written ("status is open"); for "any", all of them joined by " | "
 * @param actual the value the condition saw, rendered as text ("" when empty)
 * @param previous the value before the update, for change operators; else null
 */
public record ConditionFailure(String group, String condition, String actual, String previous, int line) {

  static <F> ConditionFailure of(String group, Condition<F> c, Object current, Facts<F> facts) {
    String previous = c.operator().readsPrevious() ? render(c.field(), facts.previous(c.field())) : null;
    return new ConditionFailure(group, c.describe(), facts.render(c.field(), current), previous, c.line());
  }

  /** Renders a normalised value back to rule-file words (ORDERED index → its name). */
  public static String render(FieldRef<?> field, Object value) {
    if (value == null) {
      return "";
    }
    if (field.type() == ValueType.ORDERED && value instanceof Integer i) {
      return field.values().get(i);
    }
    if (value instanceof Set<?> set) {
      return String.join(" ", new TreeSet<>(set.stream().map(Object::toString).toList()));
    }
    return value.toString();
  }

  /** One human sentence, e.g. {@code all: status is open (was "new", now "pending")}. */
  public String why() {
    String seen = previous == null ? "actual \"" + actual + "\"" : "before \"" + previous + "\", now \"" + actual + "\"";
    return group + ": " + condition + " failed (" + seen + ")";
  }
}
