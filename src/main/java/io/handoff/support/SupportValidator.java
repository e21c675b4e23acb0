package io.handoff.support;

import io.handoff.trigger.Condition;
import io.handoff.trigger.Contradictions;
import io.handoff.trigger.Operator;
import io.handoff.yaml.Problems;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Warnings for support triggers: a trigger that can never fire; two triggers that can fire in the same
 * update and set the same field to different values (the later one silently wins); a trigger with no
 * nullifying condition, which fires again on every update that still matches.
 */
public final class SupportValidator {

  private SupportValidator() {}

  public static void warn(SupportTriggerSet set, Problems problems) {
    for (SupportTrigger t : set.ordered()) {
      String why = Contradictions.find(t.conditions().all());
      if (why != null) {
        problems.warning(t.line(), t.title(), "can never fire: " + why);
      } else if (!Nullifying.has(t)) {
        problems.warning(t.line(), t.title(), "has no nullifying condition, so it fires on every update"
            + " it matches; add \"update_type is Create\", a change condition, or a condition its own"
            + " actions make false (e.g. current_tags not_includes a tag it adds)");
      }
    }
    sameFieldTwice(set, problems);
  }

  private static void sameFieldTwice(SupportTriggerSet set, Problems problems) {
    Map<String, List<SupportTrigger>> writers = new LinkedHashMap<>();
    for (SupportTrigger t : set.ordered()) {
      for (SupportAction a : t.actions()) {
        if (a.writes() != null && a.type() != SupportActionType.ADD_TAGS
            && a.type() != SupportActionType.REMOVE_TAGS) {
          writers.computeIfAbsent(a.writes(), f -> new ArrayList<>()).add(t);
        }
      }
    }
    Set<String> reported = new HashSet<>();
    for (Map.Entry<String, List<SupportTrigger>> e : writers.entrySet()) {
      List<SupportTrigger> list = e.getValue();
      for (int j = 1; j < list.size(); j++) {
        for (int i = 0; i < j; i++) {
          SupportTrigger first = list.get(i);
          SupportTrigger later = list.get(j);
          if (first != later && !sameValue(first, later, e.getKey()) && canBothFire(first, later)
              && reported.add(later.title() + "\0" + e.getKey())) {
            problems.warning(later.line(), later.title(), "sets \"" + e.getKey() + "\" like rule \""
                + first.title() + "\" (line " + first.line() + "); if both fire in one update, this one wins");
          }
        }
      }
    }
  }

  private static boolean sameValue(SupportTrigger a, SupportTrigger b, String field) {
    return Objects.equals(valueWritten(a, field), valueWritten(b, field));
  }

  private static String valueWritten(SupportTrigger t, String field) {
    for (SupportAction a : t.actions()) {
      if (field.equals(a.writes())) {
        return a.value() != null ? a.value() : String.join(" ", new java.util.TreeSet<>(a.tags()));
      }
    }
    return null;
  }

  private static boolean canBothFire(SupportTrigger a, SupportTrigger b) {
    List<Condition<SupportField>> both = new ArrayList<>(a.conditions().all());
    both.addAll(b.conditions().all());
    return Contradictions.find(both) == null;
  }

  /** Zendesk's "nullifying condition" rule, decided from the trigger's own conditions and actions. */
  static final class Nullifying {

    private Nullifying() {}

    static boolean has(SupportTrigger t) {
      for (Condition<SupportField> c : t.conditions().all()) {
        if (nullifies(c, t)) {
          return true;
        }
      }
      List<Condition<SupportField>> any = t.conditions().any();
      return !any.isEmpty() && any.stream().allMatch(c -> nullifies(c, t));
    }

    private static boolean nullifies(Condition<SupportField> c, SupportTrigger t) {
      SupportField f = c.field().kind();
      boolean perUpdate = f == SupportField.UPDATE_TYPE && "Create".equals(c.expected())
          || f == SupportField.COMMENT_IS_PUBLIC || f == SupportField.COMMENT_TEXT;
      boolean change = c.operator().readsPrevious() && c.operator() != Operator.NOT_CHANGED
          && c.operator() != Operator.NOT_CHANGED_TO && c.operator() != Operator.NOT_CHANGED_FROM;
      return perUpdate || change || ownActionsFalsify(c, t);
    }

    /** True when applying the trigger's actions makes {@code c} false. */
    private static boolean ownActionsFalsify(Condition<SupportField> c, SupportTrigger t) {
      for (SupportAction a : t.actions()) {
        if (!c.field().name().equals(a.writes())) {
          continue;
        }
        boolean falsified = switch (c.operator()) {
          case NOT_INCLUDES -> a.type() != SupportActionType.REMOVE_TAGS
              && a.tags().stream().anyMatch(((java.util.Collection<?>) c.expected())::contains);
          case INCLUDES -> a.type() == SupportActionType.REMOVE_TAGS
              && a.tags().containsAll((java.util.Collection<?>) c.expected());
          case NOT_PRESENT -> a.value() != null && !a.value().isEmpty();
          case IS -> !written(c, a).equalsIgnoreCase(io.handoff.trigger.ConditionFailure.render(c.field(), c.expected()));
          case IS_NOT -> written(c, a).equalsIgnoreCase(io.handoff.trigger.ConditionFailure.render(c.field(), c.expected()));
          default -> false;
        };
        if (falsified) {
          return true;
        }
      }
      return false;
    }

    private static String written(Condition<SupportField> c, SupportAction a) {
      return a.value() == null ? "" : a.value();
    }
  }
}
