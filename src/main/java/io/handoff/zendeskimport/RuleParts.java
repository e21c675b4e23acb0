package io.handoff.zendeskimport;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversion of a Zendesk {@code {all: [...], any: [...]}} block, shared by triggers and SLA filters. */
final class RuleParts {

  private RuleParts() {}

  static Map<String, Object> conditions(JsonNode block, ConditionMapper mapper, Findings f) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String group : List.of("all", "any")) {
      List<Map<String, Object>> list = new ArrayList<>();
      for (JsonNode c : block.path(group)) {
        Map<String, Object> m = mapper.map(c, f);
        if (m != null) {
          list.add(m);
        }
      }
      if (!list.isEmpty()) {
        out.put(group, list);
      }
    }
    return out;
  }
}
