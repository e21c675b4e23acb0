package io.handoff.trigger;

import java.util.Collection;
import java.util.List;

/**
 * Finds "all" conditions that can never hold together, for the "can never fire" warning. Checks the
 * cases a rule author actually writes by mistake: one field "is" two different values, "is X" with
 * "is_not X", tags that must be both included and excluded, and an order field below its lowest or
 * above its highest value.
 */
public final class Contradictions {

  private Contradictions() {}

  /** A sentence naming the contradiction, or null when none of the checked cases applies. */
  public static <F> String find(List<Condition<F>> all) {
    for (int i = 0; i < all.size(); i++) {
      Condition<F> a = all.get(i);
      String alone = impossibleAlone(a);
      if (alone != null) {
        return alone;
      }
      for (int j = i + 1; j < all.size(); j++) {
        Condition<F> b = all.get(j);
        // Same field and same key: "within_schedule is A" and "is_not B" read two different facts.
        if (a.field().name().equals(b.field().name()) && java.util.Objects.equals(a.field().key(), b.field().key())
            && exclusive(a, b)) {
          return "\"" + a.describe() + "\" and \"" + b.describe() + "\" cannot both hold";
        }
      }
    }
    return null;
  }

  private static <F> String impossibleAlone(Condition<F> c) {
    if (c.field().type() != ValueType.ORDERED || !(c.expected() instanceof Integer i)) {
      return null;
    }
    boolean below = c.operator() == Operator.LESS_THAN && i == 0;
    boolean above = c.operator() == Operator.GREATER_THAN && i == c.field().values().size() - 1;
    return below || above ? "\"" + c.describe() + "\" can never hold" : null;
  }

  private static <F> boolean exclusive(Condition<F> a, Condition<F> b) {
    Operator x = a.operator();
    Operator y = b.operator();
    if (x == Operator.IS && y == Operator.IS) {
      return !Operators.same(a.expected(), b.expected());
    }
    if ((x == Operator.IS && y == Operator.IS_NOT) || (x == Operator.IS_NOT && y == Operator.IS)) {
      return Operators.same(a.expected(), b.expected());
    }
    if (x == Operator.INCLUDES && y == Operator.NOT_INCLUDES && a.field().type() == ValueType.TAGS) {
      return ((Collection<?>) b.expected()).containsAll((Collection<?>) a.expected());
    }
    if (x == Operator.NOT_INCLUDES && y == Operator.INCLUDES && a.field().type() == ValueType.TAGS) {
      return ((Collection<?>) a.expected()).containsAll((Collection<?>) b.expected());
    }
    return (x == Operator.PRESENT && y == Operator.NOT_PRESENT) || (x == Operator.NOT_PRESENT && y == Operator.PRESENT);
  }
}
