package io.handoff.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.nodes.Node;

class YamlReaderTest {

  private static List<String> messages(YamlReader r) {
    return r.errors().stream().map(RuleFileError::toString).toList();
  }

  @Test
  void syntaxErrorIsReportedAtItsLineAndYieldsNoRoot() {
    YamlReader r = YamlReader.of("a.yaml", "top:\n  x: 1\n  list: [1, 2\n");
    assertNull(r.root());
    assertEquals(1, r.errors().size());
    assertTrue(messages(r).get(0).startsWith("a.yaml:4: YAML syntax error: "), messages(r).toString());
  }

  @Test
  void emptyFileIsAnErrorAtLineOne() {
    YamlReader r = YamlReader.of("a.yaml", "# only a comment\n");
    assertNull(r.root());
    assertEquals(List.of("a.yaml:1: file is empty"), messages(r));
  }

  @Test
  void missingFileIsAnErrorAtLineZero(@TempDir Path dir) {
    YamlReader r = YamlReader.of(dir.resolve("absent.yaml"));
    assertEquals(List.of(dir.resolve("absent.yaml") + ":0: file not found"), messages(r));
  }

  @Test
  void readsAFileAndVersionsItsContent(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("a.yaml"), "a: 1\n");
    YamlReader r = YamlReader.of(f);
    assertTrue(r.errors().isEmpty());
    assertEquals(YamlReader.of("other.yaml", "a: 1\n").version(), r.version());
    assertNotEquals(YamlReader.of("other.yaml", "a: 2\n").version(), r.version());
    assertEquals(12, r.version().length());
  }

  @Test
  void mappingReportsUnknownAndDuplicateKeysAtTheirLinesAndKeepsTheFirstValue() {
    YamlReader r = YamlReader.of("t.yaml", "title: one\nconditons: []\ntitle: two\n");
    Map<String, Node> m = r.mapping(r.root(), "R", "trigger", Set.of("title", "conditions"));
    assertEquals(List.of(
        "t.yaml:2: rule \"R\": unknown key \"conditons\" in trigger (allowed: conditions, title)",
        "t.yaml:3: rule \"R\": duplicate key \"title\" in trigger"), messages(r));
    assertEquals("one", YamlReader.scalar(m.get("title")));
    assertTrue(r.hasErrors());
  }

  @Test
  void mappingOfANonMappingIsReportedAtTheNodesLine() {
    YamlReader r = YamlReader.of("t.yaml", "a:\n  - 1\n  - 2\n");
    Node list = YamlReader.get(r.rootMap(), "a").orElseThrow();
    assertNull(r.mapping(list, null, "filter", Set.of()));
    assertTrue(r.entries(list, null, "filter", Set.of()).isEmpty());
    assertEquals(List.of("t.yaml:2: filter must be a mapping", "t.yaml:2: filter must be a mapping"), messages(r));
  }

  @Test
  void topLevelListIsNotARootMapping() {
    YamlReader r = YamlReader.of("t.yaml", "- a\n- b\n");
    assertNull(r.rootMap());
    assertEquals(List.of("t.yaml:1: expected a mapping at the top level"), messages(r));
  }

  @Test
  void scalarShapesAreCheckedWithTheirLines() {
    YamlReader r = YamlReader.of("t.yaml", "name: '  '\nlist: [x]\nscore: 2\nempty: ''\n");
    var root = r.rootMap();
    assertNull(r.scalar(YamlReader.get(root, "name").orElseThrow(), "R", "name"));
    assertNull(r.text(YamlReader.get(root, "list").orElseThrow(), "R", "list"));
    assertEquals("", r.text(YamlReader.get(root, "empty").orElseThrow(), "R", "empty"));
    assertNull(r.number(YamlReader.get(root, "score").orElseThrow(), null, "score", 0, 1));
    assertNull(r.sequence(YamlReader.get(root, "score").orElseThrow(), null, "items"));
    assertEquals(List.of(
        "t.yaml:1: rule \"R\": name must be a non-empty value",
        "t.yaml:2: rule \"R\": list must be a single value",
        "t.yaml:3: score must be a number between 0.0 and 1.0, got \"2\"",
        "t.yaml:3: items must be a list"), messages(r));
  }

  @Test
  void optionalListsAcceptAbsentOrNullButReportOtherShapes() {
    YamlReader r = YamlReader.of("t.yaml", "a: ~\nb: text\nc: [x, ~, y]\n");
    var root = r.rootMap();
    assertEquals(List.of(), r.items(null, null, "a"));
    assertEquals(List.of(), r.items(YamlReader.get(root, "a").orElseThrow(), null, "a"));
    assertEquals(List.of(), r.items(YamlReader.get(root, "b").orElseThrow(), null, "b"));
    assertEquals(List.of("t.yaml:2: b must be a list"), messages(r));
    assertEquals(List.of("x", "y"), YamlReader.scalarList(YamlReader.get(root, "c").orElseThrow()));
    assertEquals(List.of("text"), YamlReader.scalarList(YamlReader.get(root, "b").orElseThrow()));
    assertTrue(YamlReader.isNull(YamlReader.get(root, "a").orElseThrow()));
    assertEquals("text", YamlReader.peek(root, "b"));
    assertNull(YamlReader.peek(root, "a"));
  }

  @Test
  void warningsAreKeptButDoNotDropTheResult() {
    YamlReader r = YamlReader.of("t.yaml", "a: 1\n");
    r.warning(r.root(), "R", "looks odd");
    Loaded<String> loaded = r.result("value");
    assertEquals("value", loaded.value());
    assertEquals(List.of("t.yaml:1: warning: rule \"R\": looks odd"), messages(r));
    assertFalse(r.hasErrors());
    r.missing(r.root(), "R", "targets");
    assertNull(r.result("value").value());
  }

  @Test
  void problemsSharedWithAParserCollectInOnePlace() {
    Problems problems = new Problems("shared.yaml");
    YamlReader r = new YamlReader(problems);
    r.parse("a: [");
    problems.error(7, "R", "checked elsewhere");
    assertEquals(2, problems.all().size());
    assertEquals("shared.yaml:7: rule \"R\": checked elsewhere", r.errors().get(1).toString());
  }
}
