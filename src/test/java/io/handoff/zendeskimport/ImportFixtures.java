package io.handoff.zendeskimport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.rules.RuleSetLoad;
import io.handoff.rules.RuleSetLoader;
import io.handoff.yaml.RuleFileError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Fixture paths and helpers for importer tests. */
final class ImportFixtures {

  static final Path DIR = Path.of("src/test/resources/zendesk-import");
  static final Path SEED = DIR.resolve("seed");

  private ImportFixtures() {}

  static ZendeskExport seed() {
    return ZendeskExport.read(SEED.resolve("triggers.json"), SEED.resolve("trigger_categories.json"),
        SEED.resolve("sla_policies.json"), SEED.resolve("webhooks.json"), null, null);
  }

  /** One trigger with the given conditions (JSON array text for "all") and actions (JSON array text). */
  static ZendeskExport trigger(String all, String actions) {
    String t = "{\"triggers\": [{\"id\": 1, \"title\": \"T\", \"active\": true, \"position\": 1,"
        + " \"conditions\": {\"all\": " + all + "}, \"actions\": " + actions + "}]}";
    String hooks = "{\"webhooks\": [{\"id\": \"01HW\", \"name\": \"Hook\", \"endpoint\": \"https://h.example.invalid/x\","
        + " \"subscriptions\": [\"conditional_ticket_events\"], \"request_format\": \"json\"},"
        + " {\"id\": \"01HG\", \"name\": \"Lookup\", \"endpoint\": \"https://h.example.invalid/q\", \"http_method\": \"GET\","
        + " \"subscriptions\": [\"conditional_ticket_events\"], \"request_format\": \"json\"},"
        + " {\"id\": \"01HF\", \"name\": \"Form\", \"endpoint\": \"https://h.example.invalid/f\", \"http_method\": \"PUT\","
        + " \"subscriptions\": [\"conditional_ticket_events\"], \"request_format\": \"form_encoded\"},"
        + " {\"id\": \"01HX\", \"name\": \"Xml\", \"endpoint\": \"https://h.example.invalid/x\", \"http_method\": \"PATCH\","
        + " \"subscriptions\": [\"conditional_ticket_events\"], \"request_format\": \"xml\"}]}";
    return new ZendeskExport(ZendeskExport.parse(t), null, null, ZendeskExport.parse(hooks), null, null);
  }

  static IdMapping mapping(String yaml) {
    try {
      return IdMapping.parse(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static IdMapping seedMapping() {
    return IdMapping.read(SEED.resolve("zendesk-mapping.yaml"));
  }

  /** Writes the result into a directory and loads it with the real loader, asserting no errors. */
  static RuleSetLoad load(ZendeskImporter.Result r, Path dir) {
    try {
      Files.writeString(dir.resolve(RuleSetLoader.SUPPORT_FILE), r.supportTriggersYaml());
      if (r.dynamicContentYaml() != null) {
        Files.writeString(dir.resolve(ZendeskImporter.DYNAMIC_CONTENT_FILE), r.dynamicContentYaml());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RuleSetLoad load = RuleSetLoader.load(dir);
    List<RuleFileError> errors = load.errors();
    assertEquals(List.of(), errors, r.supportTriggersYaml());
    return load;
  }

  static JsonNode json(String text) {
    return ZendeskExport.parse(text);
  }
}
