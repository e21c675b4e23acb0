package io.handoff.trigger;

/**
 * What conditions read. Values are normalised as {@link ValueType} describes; null means empty.
 */
public interface Facts<F> {

  /** The current value of a field (after the actions applied so far). */
  Object current(FieldRef<F> field);

  /** The value before the update (null on ticket creation); engines without deltas return current. */
  Object previous(FieldRef<F> field);

  /**
   * A field's current value (as returned by {@link #current}) as trace text; implementations may cache
   * costly renderings such as tag sets.
   */
  default String render(FieldRef<F> field, Object current) {
    return ConditionFailure.render(field, current);
  }
}
