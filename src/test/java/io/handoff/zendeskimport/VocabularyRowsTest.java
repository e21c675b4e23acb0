package io.handoff.zendeskimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.handoff.zendeskimport.ImportReport.Item;
import io.handoff.zendeskimport.ImportReport.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One case per field/operator of Zendesk's trigger conditions and actions (docs/zendesk-import.md,
 * "Conditions" and "Actions"), read from
 * {@code condition-rows.txt} / {@code action-rows.txt}: each row is imported (and the output loaded by
 * the real rule loader), needs a mapping, or is reported as unsupported by name.
 */
class VocabularyRowsTest {

  static final String MAPPING = """
      groups: {"11": support}
      users: {"21": alice}
      organizations: {"31": acme}
      custom_fields: {"41": plan}
      schedules: {"51": paris}
      """;
  private static final String CREATE = "[{\"field\":\"update_type\",\"operator\":\"is\",\"value\":\"Create\"}]";
  private static final String TAG = "[{\"field\":\"current_tags\",\"value\":\"matched\"}]";

  @TempDir
  Path dir;

  static Stream<Arguments> conditionRows() throws Exception {
    return rows("condition-rows.txt");
  }

  static Stream<Arguments> actionRows() throws Exception {
    return rows("action-rows.txt");
  }

  private static Stream<Arguments> rows(String file) throws Exception {
    return Files.readAllLines(ImportFixtures.DIR.resolve(file)).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .map(l -> {
          int bar = l.lastIndexOf(" | ");
          String[] expect = l.substring(bar + 3).split(" ", 2);
          return Arguments.of(l.substring(0, bar).trim(), Status.valueOf(expect[0]), expect[1]);
        });
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("conditionRows")
  void conditionRowIsImportedOrReportedByName(String condition, Status status, String expected) throws Exception {
    check(ImportFixtures.trigger("[" + condition + "]", TAG), status, expected, "conditions", true);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("actionRows")
  void actionRowIsImportedOrReportedByName(String action, Status status, String expected) throws Exception {
    check(ImportFixtures.trigger(CREATE, "[" + action + "]"), status, expected, "actions", false);
  }

  private void check(ZendeskExport in, Status status, String expected, String part, boolean condition)
      throws Exception {
    ZendeskImporter.Result r = ZendeskImporter.importAll(in, ImportFixtures.mapping(MAPPING));
    Item item = r.report().items().stream().filter(i -> i.kind() == ImportReport.Kind.TRIGGER).findFirst().orElseThrow();
    assertEquals(status, item.status(), item.reasons().toString());
    JsonNode trigger = new YAMLMapper().readTree(r.supportTriggersYaml()).path("triggers").path(0);
    if (status != Status.IMPORTED) {
      assertTrue(trigger.isMissingNode(), "not written: " + r.supportTriggersYaml());
      assertTrue(item.reasons().stream().anyMatch(x -> x.contains(expected)), item.reasons().toString());
      return;
    }
    JsonNode written = condition ? trigger.path(part).path("all").path(0) : trigger.path(part).path(0);
    assertEquals(ImportFixtures.json(expected), written);
    ImportFixtures.load(r, dir);
  }
}
