package io.handoff.zendeskimport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.handoff.support.SupportAction;
import io.handoff.support.SupportTrigger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text that YAML would misread (booleans, numbers, null, comments, colons, new lines) survives the output. */
class YamlOutputTest {

  @TempDir
  Path dir;

  @Test
  void trickyStringsReadBackUnchanged() {
    List<String> texts = List.of("yes", "true", "null", "123", "~", "a: b # not a comment",
        "line one\n\n  line two", "'quoted' \"double\"", "- dash", "{{ticket.id}}");
    JsonNodeFactory n = JsonNodeFactory.instance;
    ObjectNode t = n.objectNode().put("id", 1).put("title", "true").put("description", "null");
    t.putObject("conditions").putArray("all");
    ArrayNode actions = t.putArray("actions");
    texts.forEach(s -> actions.addObject().put("field", "reply_internal").put("value", s));
    ObjectNode root = n.objectNode();
    root.putArray("triggers").add(t);
    ZendeskImporter.Result r = ZendeskImporter.importAll(new ZendeskExport(root, null, null, null, null, null),
        IdMapping.empty());
    SupportTrigger loaded = ImportFixtures.load(r, dir).ruleSet().support().declared().get(0);
    assertEquals("true", loaded.title());
    assertEquals("null", loaded.description());
    assertEquals(texts, loaded.actions().stream().map(SupportAction::value).toList());
  }
}
