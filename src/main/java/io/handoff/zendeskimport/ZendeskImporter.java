package io.handoff.zendeskimport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.handoff.zendeskimport.IdMapping.Kind;
import io.handoff.zendeskimport.ImportReport.Item;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Imports a team's Zendesk triggers, trigger categories, webhooks and SLA policies into Handoff's rule
 * files. Plain Java: give it the Zendesk JSON and a mapping (read from an existing
 * {@code zendesk-mapping.yaml}, or empty), get the two YAML documents, the updated mapping and a report.
 */
public final class ZendeskImporter {

  public static final String TRIGGERS_FILE = "support-triggers.yaml";
  public static final String SLA_FILE = "sla-policies.yaml";
  public static final String MAPPING_FILE = "zendesk-mapping.yaml";

  private static final YAMLMapper YAML = YAMLMapper.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .build();

  /** The outcome: file texts, the mapping to write back, and the report. */
  public record Result(String supportTriggersYaml, String slaPoliciesYaml, IdMapping mapping, ImportReport report) {

    /** Writes the two rule files and the mapping file into {@code dir} (the mapping to {@code mappingFile}). */
    public void write(Path dir, Path mappingFile) {
      try {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(TRIGGERS_FILE), supportTriggersYaml);
        Files.writeString(dir.resolve(SLA_FILE), slaPoliciesYaml);
        Files.writeString(mappingFile == null ? dir.resolve(MAPPING_FILE) : mappingFile, mapping.toYaml());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private ZendeskImporter() {}

  /** Converts everything; the mapping is updated in place with every id met. */
  public static Result importAll(ZendeskExport in, IdMapping mapping) {
    List<Item> items = new ArrayList<>();
    Map<String, Object> triggers = new TriggerImporter(mapping, Catalogue.of(in.definitions()), items)
        .convert(in.triggers(), in.categories(), in.webhooks());
    Map<String, Object> slas = new SlaImporter(mapping, items).convert(in.slaPolicies());
    new AutomationReporter(mapping, items).report(in.automations());
    List<String> unmapped = new ArrayList<>();
    for (Kind k : Kind.values()) {
      mapping.unmapped(k).forEach(id -> unmapped.add(k.section() + " " + id));
    }
    String header = "# Imported from Zendesk by import-zendesk (docs/zendesk-import.md). Format: docs/rules.md.\n";
    return new Result(header + yaml(triggers),
        "# Imported from Zendesk by import-zendesk. Format: docs/sla.md.\n" + yaml(slas),
        mapping, new ImportReport(items, unmapped));
  }

  static String yaml(Object doc) {
    try {
      return YAML.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
