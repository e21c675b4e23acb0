package io.handoff.trigger;

import java.util.Collection;
import java.util.Set;
import java.util.regex.Pattern;

/** The semantics of every {@link Operator}, on values normalised as {@link ValueType} describes. */
public final class Operators {

  private Operators() {}

  /**
   * Tests a condition. Change operators follow Zendesk: setting a field for the first time (previous
   * empty) counts as a change; "changed to X" needs a change and the new value X.
   */
  public static boolean test(Condition<?> c, Object current, Object previous) {
    Object expected = c.expected();
    return switch (c.operator()) {
      case IS -> same(current, expected);
      case IS_NOT -> !same(current, expected);
      case LESS_THAN -> compare(current, expected) < 0;
      case LESS_THAN_EQUAL -> compare(current, expected) <= 0;
      case GREATER_THAN -> current != null && compare(current, expected) > 0;
      case GREATER_THAN_EQUAL -> current != null && compare(current, expected) >= 0;
      case INCLUDES -> includes(c.field().type(), current, expected);
      case NOT_INCLUDES -> !includes(c.field().type(), current, expected);
      case CONTAINS -> contains(current, (String) expected);
      case NOT_CONTAINS -> !contains(current, (String) expected);
      case REGEX -> current != null && ((Pattern) expected).matcher(current.toString()).matches();
      case IS_ONE_OF -> oneOf(current, (Collection<?>) expected);
      case IS_NOT_ONE_OF -> !oneOf(current, (Collection<?>) expected);
      case PRESENT -> present(current);
      case NOT_PRESENT -> !present(current);
      case CHANGED -> !same(current, previous);
      case CHANGED_TO -> !same(current, previous) && same(current, expected);
      case CHANGED_FROM -> !same(current, previous) && same(previous, expected);
      case NOT_CHANGED -> same(current, previous);
      case NOT_CHANGED_TO -> same(current, previous) || !same(current, expected);
      case NOT_CHANGED_FROM -> same(current, previous) || !same(previous, expected);
    };
  }

  /** Equality with Zendesk's looseness: text compares case-insensitively; empty equals null. */
  public static boolean same(Object a, Object b) {
    if (a == null || b == null) {
      return !present(a) && !present(b);
    }
    if (a instanceof String sa && b instanceof String sb) {
      return sa.equalsIgnoreCase(sb);
    }
    return a.equals(b);
  }

  /** Compares ordered values; an empty value sorts below every value (Zendesk's "-" priority). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object current, Object expected) {
    if (current == null) {
      return expected == null ? 0 : -1;
    }
    return ((Comparable) current).compareTo(expected);
  }

  private static boolean includes(ValueType type, Object current, Object expected) {
    if (current == null) {
      return false;
    }
    Collection<?> wanted = (Collection<?>) expected;
    if (type == ValueType.TAGS) {
      Set<?> tags = (Set<?>) current;
      for (Object w : wanted) {
        if (tags.contains(w)) {
          return true;
        }
      }
      return false;
    }
    // Zendesk's "includes words": any of the words appears as a whole word.
    String text = current.toString().toLowerCase(java.util.Locale.ROOT);
    for (Object w : wanted) {
      if (Words.containsWord(text, (String) w)) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(Object current, String needle) {
    return current != null && current.toString().toLowerCase(java.util.Locale.ROOT).contains(needle);
  }

  private static boolean oneOf(Object current, Collection<?> options) {
    for (Object o : options) {
      if (same(current, o)) {
        return true;
      }
    }
    return false;
  }

  /** Non-null and, for text and tag sets, non-empty. */
  public static boolean present(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    if (v instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    return true;
  }
}
