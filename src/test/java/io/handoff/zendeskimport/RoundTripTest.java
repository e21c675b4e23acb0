package io.handoff.zendeskimport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import then export gives back the supported Zendesk content (compared after normalising the quirks). */
class RoundTripTest {

  private static final Set<String> NO_VALUE = Set.of("changed", "not_changed", "present", "not_present");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @TempDir
  Path dir;

  @Test
  void seedTriggersAndSlaPoliciesSurviveImportThenExport() throws Exception {
    ZendeskExport in = ImportFixtures.seed();
    IdMapping mapping = ImportFixtures.seedMapping();
    ZendeskImporter.Result r = ZendeskImporter.importAll(in, mapping);
    ZendeskExporter.Result out = ZendeskExporter.export(r.supportTriggersYaml(), r.slaPoliciesYaml(), mapping);
    assertEquals(List.of(), out.notExported());
    assertEquals(byTitle(in.triggers().path("triggers")), byTitle(out.json().path("triggers")));
    assertEquals(slas(in.slaPolicies().path("sla_policies")), slas(out.json().path("sla_policies")));
    assertEquals(in.webhooks().path("webhooks").get(0).path("endpoint"),
        out.json().path("webhooks").get(0).path("endpoint"));
    assertEquals("01HSALESALERTS00000000000", out.json().path("webhooks").get(0).path("id").asText());
  }

  @Test
  void richTriggersSurviveImportThenExport() throws Exception {
    ZendeskExport in = new ZendeskExport(ZendeskExport.parse(read("rich-triggers.json")),
        ZendeskExport.parse(read("rich-categories.json")), null, ImportFixtures.trigger("[]", "[]").webhooks(),
        null, null);
    IdMapping mapping = ImportFixtures.mapping(VocabularyRowsTest.MAPPING);
    ZendeskImporter.Result r = ZendeskImporter.importAll(in, mapping);
    ImportFixtures.load(r, dir);
    ZendeskExporter.Result out = ZendeskExporter.export(r.supportTriggersYaml(), null, mapping);
    assertEquals(List.of(), out.notExported());
    assertEquals(byTitle(in.triggers().path("triggers")), byTitle(out.json().path("triggers")));
    assertEquals(List.of("Notify", "Routing"),
        out.json().path("trigger_categories").findValuesAsText("name"));
  }

  @Test
  void webhookMethodsFormatsAndParametersSurviveImportThenExport() throws Exception {
    String actions = "[{\"field\": \"notification_webhook\", \"value\": [\"01HG\", \"[[\\\"q\\\", \\\"{{ticket.id}}\\\"]]\"]},"
        + " {\"field\": \"notification_webhook\", \"value\": [\"01HF\", \"[[\\\"id\\\", \\\"{{ticket.id}}\\\"]]\"]},"
        + " {\"field\": \"notification_webhook\", \"value\": [\"01HX\", \"<id>{{ticket.id}}</id>\"]}]";
    ZendeskExport in = ImportFixtures.trigger("[{\"field\": \"update_type\", \"operator\": \"is\", \"value\": \"Create\"}]",
        actions);
    IdMapping mapping = IdMapping.empty();
    ZendeskImporter.Result r = ZendeskImporter.importAll(in, mapping);
    ImportFixtures.load(r, dir);
    ZendeskExporter.Result out = ZendeskExporter.export(r.supportTriggersYaml(), null, mapping);
    assertEquals(List.of(), out.notExported());
    Map<String, String> kinds = new TreeMap<>();
    out.json().path("webhooks").forEach(w -> kinds.put(w.path("id").asText(),
        w.path("http_method").asText() + " " + w.path("request_format").asText()));
    assertEquals(Map.of("01HW", "POST json", "01HG", "GET json", "01HF", "PUT form_encoded", "01HX", "PATCH xml"), kinds);
    assertEquals(byTitle(in.triggers().path("triggers")), byTitle(out.json().path("triggers")));
  }

  private static String read(String name) throws Exception {
    return java.nio.file.Files.readString(ImportFixtures.DIR.resolve(name));
  }

  /** Title -> the fields a round trip keeps, with quirks normalised as the importer reads them. */
  static Map<String, JsonNode> byTitle(JsonNode triggers) {
    Map<String, JsonNode> out = new TreeMap<>();
    for (JsonNode t : triggers) {
      ObjectNode c = NODES.objectNode();
      if (!t.path("description").asText("").isEmpty()) {
        c.put("description", t.get("description").asText());
      }
      c.put("active", t.path("active").asBoolean(true));
      c.put("position", t.path("position").asInt());
      c.put("category_id", t.path("category_id").asText(null));
      c.set("conditions", block(t.path("conditions")));
      ArrayNode actions = c.putArray("actions");
      t.path("actions").forEach(a -> actions.addObject().put("field", a.path("field").asText())
          .set("value", value(a.get("value"))));
      out.put(t.path("title").asText(), c);
    }
    return out;
  }

  static Map<String, JsonNode> slas(JsonNode policies) {
    Map<String, JsonNode> out = new TreeMap<>();
    for (JsonNode p : policies) {
      ObjectNode c = NODES.objectNode();
      c.put("description", p.path("description").asText());
      c.put("position", p.path("position").asInt());
      c.set("filter", block(p.path("filter")));
      Map<String, JsonNode> metrics = new TreeMap<>();
      p.path("policy_metrics").forEach(m -> metrics.put(m.path("metric").asText() + "/" + m.path("priority").asText(), m));
      c.set("metrics", NODES.pojoNode(metrics.toString()));
      out.put(p.path("title").asText(), c);
    }
    return out;
  }

  private static ObjectNode block(JsonNode conditions) {
    ObjectNode out = NODES.objectNode();
    for (String group : List.of("all", "any")) {
      ArrayNode list = out.putArray(group);
      for (JsonNode c : conditions.path(group)) {
        String op = c.hasNonNull("operator") ? c.get("operator").asText() : "is";
        JsonNode v = NO_VALUE.contains(op) ? NODES.nullNode() : c.path("field").asText().equals("ticket_type_id")
            ? c.get("value") : value(c.get("value"));
        list.addObject().put("field", c.path("field").asText()).put("operator", op).set("value", v);
      }
    }
    return out;
  }

  private static JsonNode value(JsonNode v) {
    if (v != null && v.isArray()) {
      ArrayNode a = NODES.arrayNode();
      ZValues.texts(v).forEach(a::add);
      return a;
    }
    return NODES.textNode(ZValues.text(v));
  }
}
