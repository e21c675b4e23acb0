package io.handoff.trigger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Conditions grouped as Zendesk groups them: a rule matches when every {@code all} condition holds
 * and at least one {@code any} condition holds; an empty {@code any} counts as true.
 */
public final class ConditionGroup<F> {

  private final List<Condition<F>> all;
  private final List<Condition<F>> any;
  private final String anyText;

  public ConditionGroup(List<Condition<F>> all, List<Condition<F>> any) {
    this.all = List.copyOf(all);
    this.any = List.copyOf(any);
    this.anyText = String.join(" | ", this.any.stream().map(Condition::describe).toList());
  }

  public List<Condition<F>> all() {
    return all;
  }

  public List<Condition<F>> any() {
    return any;
  }

  /** Returns null when the group matches, else the first reason it does not. */
  public ConditionFailure firstFailure(Facts<F> facts) {
    for (int i = 0; i < all.size(); i++) {
      Condition<F> c = all.get(i);
      Object current = facts.current(c.field());
      if (!c.holds(current, facts)) {
        return ConditionFailure.of("all", c, current, facts);
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
    return new ConditionFailure("any", anyText, "none held", null, any.get(0).line());
  }

  /**
   * The keys of what the conditions read, for the "re-evaluate only what changed" index: the field
   * name, or for a tag condition {@code <field>:<tag>} per tag, since only those tags can change its
   * result.
   */
  public Set<String> fieldsRead() {
    Set<String> keys = new LinkedHashSet<>();
    for (Condition<F> c : allAndAny()) {
      if (c.field().type() == ValueType.TAGS && c.expected() instanceof Collection<?> tags) {
        tags.forEach(t -> keys.add(tagKey(c.field().name(), t.toString())));
      } else {
        keys.add(c.field().name());
      }
    }
    return keys;
  }

  /** The index key of one tag of a tag field. */
  public static String tagKey(String field, String tag) {
    return field + ":" + tag;
  }

  /** All conditions, all first. */
  public List<Condition<F>> allAndAny() {
    List<Condition<F>> list = new ArrayList<>(all);
    list.addAll(any);
    return list;
  }
}
