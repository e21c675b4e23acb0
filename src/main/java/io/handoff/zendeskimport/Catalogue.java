package io.handoff.zendeskimport;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The account's own catalogue from {@code GET /api/v2/triggers/definitions}: condition subjects with
 * their operators, and action subjects. A rule that uses something the account does not offer is
 * reported as a warning (the catalogue varies by plan and add-ons). Without a file, nothing is checked.
 */
final class Catalogue {

  private final Map<String, Map<String, Set<String>>> conditions = new HashMap<>();
  private final Set<String> actions = new HashSet<>();
  private final boolean present;

  private Catalogue(JsonNode definitions) {
    present = definitions != null && !definitions.isMissingNode();
    if (!present) {
      return;
    }
    JsonNode d = definitions.path("definitions");
    for (String group : List.of("all", "any")) {
      Map<String, Set<String>> byField = new HashMap<>();
      for (JsonNode c : d.path("conditions_" + group)) {
        Set<String> ops = new HashSet<>();
        c.path("operators").forEach(o -> ops.add(o.path("value").asText()));
        byField.put(c.path("subject").asText(), ops);
      }
      conditions.put(group, byField);
    }
    d.path("actions").forEach(a -> actions.add(a.path("subject").asText()));
  }

  static Catalogue of(JsonNode definitions) {
    return new Catalogue(definitions);
  }

  void check(JsonNode trigger, Findings f) {
    if (!present) {
      return;
    }
    for (String group : List.of("all", "any")) {
      Map<String, Set<String>> offered = conditions.get(group);
      for (JsonNode c : TriggerImporter.conditionsOf(trigger).path(group)) {
        String field = c.path("field").asText();
        String op = c.hasNonNull("operator") ? c.get("operator").asText() : "is";
        Set<String> ops = offered.get(field);
        if (ops == null) {
          f.warnings.add("condition field " + field + " is not in the account's catalogue (" + group + ")");
        } else if (!ops.isEmpty() && !ops.contains(op)) {
          f.warnings.add("operator " + op + " is not offered for " + field + " in the account's catalogue");
        }
      }
    }
    for (JsonNode a : trigger.path("actions")) {
      if (!actions.contains(a.path("field").asText())) {
        f.warnings.add("action " + a.path("field").asText() + " is not in the account's catalogue");
      }
    }
  }
}
