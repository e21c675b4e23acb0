package io.handoff.trigger;

import java.util.EnumSet;
import java.util.Set;

/**
 * How a field's value is typed and compared. Facts hand values over already normalised: TEXT, WORDS
 * and CHOICE as String (null = empty), ORDERED as the Integer index in the field's value list, NUMBER
 * as Long, BOOLEAN as Boolean, TAGS as a Set of lower-case tags.
 */
public enum ValueType {
  /** Free text compared whole, case-insensitively. */
  TEXT,
  /** Free text searched for words (Zendesk's comment/subject "includes words"). */
  WORDS,
  /** One of a fixed, unordered list of values. */
  CHOICE,
  /** One of a fixed list whose order gives less_than / greater_than (status, priority). */
  ORDERED,
  NUMBER,
  BOOLEAN,
  /** A set of tags; includes = has any of the listed tags, not_includes = has none. */
  TAGS;

  /** The operators that make sense for this type; a field may allow fewer. */
  public Set<Operator> defaultOperators() {
    return switch (this) {
      case TEXT -> EnumSet.of(Operator.IS, Operator.IS_NOT, Operator.CONTAINS, Operator.NOT_CONTAINS,
          Operator.REGEX, Operator.IS_ONE_OF, Operator.IS_NOT_ONE_OF, Operator.PRESENT, Operator.NOT_PRESENT);
      case WORDS -> EnumSet.of(Operator.IS, Operator.IS_NOT, Operator.INCLUDES, Operator.NOT_INCLUDES,
          Operator.CONTAINS, Operator.NOT_CONTAINS, Operator.REGEX, Operator.PRESENT, Operator.NOT_PRESENT);
      case CHOICE -> EnumSet.of(Operator.IS, Operator.IS_NOT, Operator.IS_ONE_OF, Operator.IS_NOT_ONE_OF,
          Operator.PRESENT, Operator.NOT_PRESENT);
      case ORDERED -> EnumSet.of(Operator.IS, Operator.IS_NOT, Operator.LESS_THAN, Operator.GREATER_THAN,
          Operator.LESS_THAN_EQUAL, Operator.GREATER_THAN_EQUAL, Operator.IS_ONE_OF, Operator.IS_NOT_ONE_OF,
          Operator.PRESENT, Operator.NOT_PRESENT);
      case NUMBER -> EnumSet.of(Operator.IS, Operator.IS_NOT, Operator.LESS_THAN, Operator.GREATER_THAN,
          Operator.LESS_THAN_EQUAL, Operator.GREATER_THAN_EQUAL, Operator.IS_ONE_OF, Operator.IS_NOT_ONE_OF);
      case BOOLEAN -> EnumSet.of(Operator.IS, Operator.IS_NOT);
      case TAGS -> EnumSet.of(Operator.INCLUDES, Operator.NOT_INCLUDES);
    };
  }
}
