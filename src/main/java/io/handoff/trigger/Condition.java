package io.handoff.trigger;

/**
 * One parsed condition.
 *
 * @param expected the typed value (see {@link ValueParser}); null for operators without a value and for
 *     Zendesk's empty value ""
 * @param rawValue the value as written, for traces and messages
 */
public record Condition<F>(FieldRef<F> field, Operator operator, Object expected, String rawValue, int line) {

  /** Evaluates this condition against facts. */
  public boolean holds(Facts<F> facts) {
    Object current = facts.current(field);
    Object previous = operator.readsPrevious() ? facts.previous(field) : null;
    return Operators.test(this, current, previous);
  }

  /** "status is open" style text for messages and traces. */
  public String describe() {
    return operator.takesValue()
        ? field.name() + " " + operator.wireName() + " " + rawValue
        : field.name() + " " + operator.wireName();
  }
}
