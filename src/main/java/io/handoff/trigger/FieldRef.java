package io.handoff.trigger;

import java.util.List;
import java.util.Set;

/**
 * A condition field resolved from a rule file: the engine's field kind plus, for open-ended families
 * such as {@code custom_fields_<id>} or {@code requester.custom_fields.<key>}, the key.
 *
 * @param name the name as written in the rule file (also the index key for "which field changed")
 * @param kind the engine's field enum constant
 * @param key the custom key, or null
 * @param type how values are typed and compared
 * @param operators the operators this field accepts
 * @param values the allowed values (in order, for ORDERED); empty = any value of the type
 */
public record FieldRef<F>(
    String name, F kind, String key, ValueType type, Set<Operator> operators, List<String> values) {

  public FieldRef {
    operators = Set.copyOf(operators);
    values = List.copyOf(values);
  }
}
