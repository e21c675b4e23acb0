package io.handoff.trigger;

import java.util.Locale;

/**
 * The closed set of condition operators, spelled as Zendesk spells them. Zendesk's trigger API names
 * for the change operators ({@code value}, {@code value_previous}, {@code not_value},
 * {@code not_value_previous}) are accepted as aliases so exported triggers read unchanged.
 */
public enum Operator {
  IS("is", null),
  IS_NOT("is_not", null),
  LESS_THAN("less_than", null),
  LESS_THAN_EQUAL("less_than_equal", null),
  GREATER_THAN("greater_than", null),
  GREATER_THAN_EQUAL("greater_than_equal", null),
  INCLUDES("includes", "includes_words"),
  NOT_INCLUDES("not_includes", "not_includes_words"),
  CONTAINS("contains", "includes_string"),
  NOT_CONTAINS("not_contains", "not_includes_string"),
  REGEX("regex", null),
  IS_ONE_OF("is_one_of", null),
  IS_NOT_ONE_OF("is_not_one_of", null),
  PRESENT("present", null),
  NOT_PRESENT("not_present", null),
  CHANGED("changed", null),
  CHANGED_TO("changed_to", "value"),
  CHANGED_FROM("changed_from", "value_previous"),
  NOT_CHANGED("not_changed", null),
  NOT_CHANGED_TO("not_changed_to", "not_value"),
  NOT_CHANGED_FROM("not_changed_from", "not_value_previous");

  private final String wireName;
  private final String alias;

  Operator(String wireName, String alias) {
    this.wireName = wireName;
    this.alias = alias;
  }

  public String wireName() {
    return wireName;
  }

  /** Parses a Zendesk operator name or alias; null when unknown so the loader can report it. */
  public static Operator fromWire(String name) {
    if (name == null) {
      return null;
    }
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (Operator o : values()) {
      if (o.wireName.equals(n) || n.equals(o.alias)) {
        return o;
      }
    }
    return null;
  }

  /** False for operators that take no value (present, changed, ...). */
  public boolean takesValue() {
    return switch (this) {
      case PRESENT, NOT_PRESENT, CHANGED, NOT_CHANGED -> false;
      default -> true;
    };
  }

  /** True when the operator compares against the value before the update (support triggers only). */
  public boolean readsPrevious() {
    return switch (this) {
      case CHANGED, CHANGED_TO, CHANGED_FROM, NOT_CHANGED, NOT_CHANGED_TO, NOT_CHANGED_FROM -> true;
      default -> false;
    };
  }

  /** True when the operator expects a list of values ("is one of"). */
  public boolean takesList() {
    return this == IS_ONE_OF || this == IS_NOT_ONE_OF;
  }
}
