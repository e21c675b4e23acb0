package io.handoff.trigger;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Conditions grouped as Zendesk groups them: a rule matches when every {@code all} condition holds
 * and at least one {@code any} condition holds; an empty {@code any} counts as true.
 */
public record ConditionGroup<F>(List<Condition<F>> all, List<Condition<F>> any) {

  public ConditionGroup {
    all = List.copyOf(all);
    any = List.copyOf(any);
  }

  /** Returns null when the group matches, else the first reason it does not. */
  public ConditionFailure firstFailure(Facts<F> facts) {
    for (Condition<F> c : all) {
      if (!c.holds(facts)) {
        return ConditionFailure.of("all", c, facts);
      }
    }
    if (any.isEmpty()) {
      return null;
    }
    for (Condition<F> c : any) {
      if (c.holds(facts)) {
        return null;
      }
    }
    return ConditionFailure.noneOfAny(any, facts);
  }

  /** The field names every condition reads, for the "re-evaluate only what changed" index. */
  public Set<String> fieldsRead() {
    Set<String> names = new LinkedHashSet<>();
    for (Condition<F> c : all) {
      names.add(c.field().name());
    }
    for (Condition<F> c : any) {
      names.add(c.field().name());
    }
    return names;
  }

  /** All conditions, all first. */
  public List<Condition<F>> allAndAny() {
    List<Condition<F>> list = new ArrayList<>(all);
    list.addAll(any);
    return list;
  }
}
