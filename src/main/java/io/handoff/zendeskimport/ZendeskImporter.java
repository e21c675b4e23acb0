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
 * Imports a team's Zendesk triggers, trigger categories, webhooks, SLA policies and automations into
 * Handoff's rule files. Plain Java: give it the Zendesk JSON and a mapping (read from an existing
 * {@code zendesk-mapping.yaml}, or empty), get the three YAML documents, the updated mapping and a report.
 */
public final class ZendeskImporter {

  public static final String TRIGGERS_FILE = "support-triggers.yaml";
  public static final String SLA_FILE = "sla-policies.yaml";
  public static final String AUTOMATIONS_FILE = io.handoff.automation.AutomationLoader.FILE;
  public static final String MAPPING_FILE = "zendesk-mapping.yaml";
  public static final String BUSINESS_HOURS_FILE = "business-hours.yaml";
  public static final String DYNAMIC_CONTENT_FILE = io.handoff.trigger.DynamicContentLoader.FILE;

  /**
   * What the import knows of the rules directory its output is for.
   *
   * @param dynamicContentYaml its {@code dynamic-content.yaml} (null = none): imported items are merged
   *     into it, and rule texts may use its items
   * @param account true when its {@code helpdesk.yaml} sets {@code account.ticketUrl}, false when not, null
   *     when unknown ({@code {{ticket.url}}} / {@code {{ticket.link}}} are then imported with a warning)
   */
  public record Target(String dynamicContentYaml, Boolean account) {
    public static final Target NONE = new Target(null, null);

    /** Reads {@code dir}'s {@code dynamic-content.yaml} and {@code helpdesk.yaml} (a missing file: none, unknown). */
    public static Target of(Path dir) {
      if (dir == null) {
        return NONE;
      }
      try {
        Path dc = dir.resolve(DYNAMIC_CONTENT_FILE);
        Path helpdesk = dir.resolve("helpdesk.yaml");
        Boolean account = null;
        if (Files.isRegularFile(helpdesk)) {
          var loaded = io.handoff.ticket.HelpdeskDirectoryLoader.load(helpdesk);
          account = loaded.value() != null && loaded.value().account().ticketUrl() != null;
        }
        return new Target(Files.isRegularFile(dc) ? Files.readString(dc) : null, account);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
      }
    }
  }

  private static final YAMLMapper YAML = YAMLMapper.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .build();

  /**
   * The outcome: file texts, the mapping to write back, and the report.
   *
   * @param businessHoursYaml the imported schedules as {@code business-hours.yaml}, or null when no
   *     schedule was given (the target directory's own file then applies)
   */
  public record Result(String supportTriggersYaml, String slaPoliciesYaml, String automationsYaml, IdMapping mapping,
      ImportReport report, String businessHoursYaml, String dynamicContentYaml) {

    public Result(String supportTriggersYaml, String slaPoliciesYaml, String automationsYaml, IdMapping mapping,
        ImportReport report) {
      this(supportTriggersYaml, slaPoliciesYaml, automationsYaml, mapping, report, null, null);
    }

    public Result(String supportTriggersYaml, String slaPoliciesYaml, String automationsYaml, IdMapping mapping,
        ImportReport report, String businessHoursYaml) {
      this(supportTriggersYaml, slaPoliciesYaml, automationsYaml, mapping, report, businessHoursYaml, null);
    }

    /** Writes the three rule files and the mapping file into {@code dir} (the mapping to {@code mappingFile}). */
    public void write(Path dir, Path mappingFile) {
      try {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(TRIGGERS_FILE), supportTriggersYaml);
        Files.writeString(dir.resolve(SLA_FILE), slaPoliciesYaml);
        Files.writeString(dir.resolve(AUTOMATIONS_FILE), automationsYaml);
        if (businessHoursYaml != null) {
          Files.writeString(dir.resolve(BUSINESS_HOURS_FILE), businessHoursYaml);
        }
        if (dynamicContentYaml != null) {
          Files.writeString(dir.resolve(DYNAMIC_CONTENT_FILE), dynamicContentYaml);
        }
        Files.writeString(mappingFile == null ? dir.resolve(MAPPING_FILE) : mappingFile, mapping.toYaml());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private ZendeskImporter() {}

  /** Converts everything; the mapping is updated in place with every id met. */
  public static Result importAll(ZendeskExport in, IdMapping mapping) {
    return importAll(in, null, mapping);
  }

  /**
   * Converts everything, with the account's business-hours schedules ({@code GET
   * /api/v2/business_hours/schedules}, each with its {@code holidays}; null = none given).
   */
  public static Result importAll(ZendeskExport in, com.fasterxml.jackson.databind.JsonNode schedules,
      IdMapping mapping) {
    return importAll(in, schedules, mapping, Target.NONE);
  }

  /**
   * Converts everything for the rules directory {@code target} describes: dynamic content is merged with
   * its items, and texts are checked against them and its account.
   */
  public static Result importAll(ZendeskExport in, com.fasterxml.jackson.databind.JsonNode schedules,
      IdMapping mapping, Target target) {
    List<Item> items = new ArrayList<>();
    DynamicContentImporter.Outcome dc = new DynamicContentImporter(mapping, items)
        .convert(in.dynamicContent(), in.locales(), target.dynamicContentYaml());
    Bodies.Context texts = new Bodies.Context(dc.names(), target.account(), in.targets(), in.webhooks());
    ScheduleImporter scheduleImporter = new ScheduleImporter(mapping, items);
    Map<String, Object> hours = scheduleImporter.convert(schedules);
    Map<String, Object> triggers = new TriggerImporter(mapping, Catalogue.of(in.definitions()), items, texts)
        .convert(in.triggers(), in.categories(), in.webhooks());
    Map<String, Object> slas = new SlaImporter(mapping, items).convert(in.slaPolicies());
    Map<String, Object> automations = new AutomationImporter(mapping, items, texts).convert(in.automations(),
        webhooks(triggers));
    ScheduleWarnings.add(in, scheduleImporter.imported(), items);
    List<String> unmapped = new ArrayList<>();
    for (Kind k : Kind.values()) {
      mapping.unmapped(k).forEach(id -> unmapped.add(k.section() + " " + id));
    }
    String header = "# Imported from Zendesk by import-zendesk (docs/zendesk-import.md). Format: docs/rules.md.\n";
    return new Result(header + yaml(triggers),
        "# Imported from Zendesk by import-zendesk. Format: docs/sla.md.\n" + yaml(slas),
        "# Imported from Zendesk by import-zendesk. Format: docs/rules.md#automations.\n" + yaml(automations),
        mapping, new ImportReport(items, unmapped),
        hours == null ? null : "# Imported from Zendesk by import-zendesk. Format: docs/sla.md.\n" + yaml(hours),
        dc.yaml());
  }

  /** The imported webhooks, which the imported automations may notify. */
  @SuppressWarnings("unchecked")
  private static Map<String, io.handoff.support.Webhook> webhooks(Map<String, Object> triggersDoc) {
    Map<String, io.handoff.support.Webhook> out = new java.util.LinkedHashMap<>();
    for (Map<String, Object> w : (List<Map<String, Object>>) triggersDoc.get("webhooks")) {
      String id = String.valueOf(w.get("id"));
      out.put(id, new io.handoff.support.Webhook(id, String.valueOf(w.get("name")), String.valueOf(w.get("endpoint")),
          (String) w.get("method"), (String) w.get("format")));
    }
    return out;
  }

  static String yaml(Object doc) {
    try {
      return YAML.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
