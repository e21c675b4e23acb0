package io.handoff.trigger;

import java.util.Objects;

/**
 * One parsed condition. A small immutable class rather than a record so its text ("status is open")
 * is built once: traces name the failing condition for thousands of triggers per update.
 */
public final class Condition<F> {

  private final FieldRef<F> field;
  private final Operator operator;
  private final Object expected;
  private final String rawValue;
  private final int line;
  private final String text;
  private final boolean readsPrevious;

  /**
   * @param expected the typed value (see {@link ValueParser}); null for operators without a value and
   *     for Zendesk's empty value ""
   * @param rawValue the value as written, for traces and messages
   */
  public Condition(FieldRef<F> field, Operator operator, Object expected, String rawValue, int line) {
    this.field = field;
    this.operator = operator;
    this.expected = expected;
    this.rawValue = rawValue;
    this.line = line;
    this.readsPrevious = operator.readsPrevious();
    this.text = operator.takesValue()
        ? field.name() + " " + operator.wireName() + " " + rawValue
        : field.name() + " " + operator.wireName();
  }

  public FieldRef<F> field() {
    return field;
  }

  public Operator operator() {
    return operator;
  }

  public Object expected() {
    return expected;
  }

  public String rawValue() {
    return rawValue;
  }

  public int line() {
    return line;
  }

  /** Evaluates this condition against facts. */
  public boolean holds(Facts<F> facts) {
    return holds(facts.current(field), facts);
  }

  /** Evaluates this condition when the caller already read the field's current value. */
  boolean holds(Object current, Facts<F> facts) {
    Object previous = readsPrevious ? facts.previous(field) : null;
    return Operators.test(this, current, previous);
  }

  /** "status is open" style text for messages and traces. */
  public String describe() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Condition<?> c && c.field.equals(field) && c.operator == operator
        && Objects.equals(c.rawValue, rawValue) && c.line == line;
  }

  @Override
  public int hashCode() {
    return Objects.hash(field.name(), operator, rawValue, line);
  }

  @Override
  public String toString() {
    return text;
  }
}
