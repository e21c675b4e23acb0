package io.handoff.cli;

import io.handoff.ticket.zendesk.ZendeskSettings;
import io.handoff.zendeskimport.IdMapping;
import io.handoff.zendeskimport.ImportReport;
import io.handoff.zendeskimport.ZendeskExport;
import io.handoff.zendeskimport.ZendeskImporter;
import io.handoff.zendeskimport.ZendeskRulesFetcher;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code import-zendesk}: converts a Zendesk account's triggers, trigger categories, webhooks and SLA
 * policies (JSON files of the list endpoints, or fetched with an API token) into
 * {@code support-triggers.yaml}, {@code sla-policies.yaml} and an editable {@code zendesk-mapping.yaml},
 * and prints what was imported, what needs a mapping and what is unsupported. Exit 0 when everything was
 * imported, 2 when something was not, 1 on bad input.
 */
@Command(name = "import-zendesk", mixinStandardHelpOptions = true,
    description = "Import Zendesk triggers, categories, webhooks and SLA policies into Handoff rule files.")
public class ImportZendeskCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--triggers", description = "JSON of GET /api/v2/triggers.")
  Path triggers;

  @Option(names = "--categories", description = "JSON of GET /api/v2/trigger_categories.")
  Path categories;

  @Option(names = "--slas", description = "JSON of GET /api/v2/slas/policies.")
  Path slas;

  @Option(names = "--webhooks", description = "JSON of GET /api/v2/webhooks.")
  Path webhooks;

  @Option(names = "--definitions", description = "JSON of GET /api/v2/triggers/definitions (validates against the account).")
  Path definitions;

  @Option(names = "--automations", description = "JSON of GET /api/v2/automations (imported into automations.yaml).")
  Path automations;

  @Option(names = "--schedules", description = "JSON of GET /api/v2/business_hours/schedules, each schedule with"
      + " its holidays (GET .../schedules/{id}/holidays) under \"holidays\" (imported into business-hours.yaml).")
  Path schedules;

  @Option(names = "--dynamic-content", description = "JSON of GET /api/v2/dynamic_content/items (merged into"
      + " dynamic-content.yaml; locale ids become language codes, docs/zendesk-import.md).")
  Path dynamicContent;

  @Option(names = "--locales", description = "JSON of GET /api/v2/locales: the account's locale ids, for dynamic"
      + " content variants whose locale id is not in the built-in table.")
  Path locales;

  @Option(names = "--targets", description = "JSON of GET /api/v2/targets: e-mail targets of notification_target"
      + " actions are imported as e-mails to their address.")
  Path targets;

  @Option(names = "--base", description = "The rules directory the output is for (e.g. workflows): its"
      + " dynamic-content.yaml is merged with the imported items, and its helpdesk.yaml account tells whether"
      + " {{ticket.url}} / {{ticket.link}} can render (default: the --out directory's own files).")
  Path base;

  @Option(names = "--subdomain", description = "Fetch from https://<subdomain>.zendesk.com instead of files.")
  String subdomain;

  @Option(names = "--base-url", description = "Fetch from this base URL (overrides --subdomain).", hidden = true)
  String baseUrl;

  @Option(names = "--email", description = "Agent e-mail for API-token authentication.")
  String email;

  @Option(names = "--token", description = "Zendesk API token.")
  String token;

  @Option(names = "--out", required = true, description = "Directory for the rule files.")
  Path out;

  @Option(names = "--mapping", description = "Mapping file to read (default: <out>/zendesk-mapping.yaml); the updated mapping is written"
      + " to <out>/zendesk-mapping.yaml, never over this file.")
  Path mapping;

  @Option(names = "--json", description = "Print the report as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    ZendeskExport in = null;
    com.fasterxml.jackson.databind.JsonNode scheduleJson = null;
    if (subdomain != null || baseUrl != null) {
      if (email == null || token == null) {
        spec.commandLine().getErr().println("--email and --token are required to fetch from Zendesk");
        return 1;
      }
      String base = baseUrl != null ? baseUrl : "https://" + subdomain + ".zendesk.com";
      try {
        ZendeskRulesFetcher fetcher = new ZendeskRulesFetcher(new ZendeskSettings(URI.create(base), email, token,
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)));
        in = fetcher.fetchAll();
        scheduleJson = fetcher.fetchSchedules();
      } catch (java.io.IOException e) {
        spec.commandLine().getErr().println("import-zendesk: " + e.getMessage());
        return 1;
      }
    }
    Path mappingFile = mapping != null ? mapping : out.resolve(ZendeskImporter.MAPPING_FILE);
    IdMapping ids;
    try {
      in = in != null ? in : ZendeskExport.read(triggers, categories, slas, webhooks, definitions, automations);
      if (dynamicContent != null || locales != null) {
        in = in.withDynamicContent(ZendeskExport.readFile(dynamicContent), ZendeskExport.readFile(locales));
      }
      if (targets != null) {
        in = in.withTargets(ZendeskExport.readFile(targets));
      }
      ids = IdMapping.read(mappingFile);
      if (schedules != null) {
        scheduleJson = new com.fasterxml.jackson.databind.ObjectMapper().readTree(schedules.toFile());
      }
    } catch (java.io.UncheckedIOException | java.io.IOException e) {
      spec.commandLine().getErr().println("import-zendesk: " + e.getMessage());
      return 1;
    }
    ZendeskImporter.Target target;
    try {
      target = ZendeskImporter.Target.of(base != null ? base : out);
    } catch (java.io.UncheckedIOException e) {
      spec.commandLine().getErr().println("import-zendesk: " + e.getMessage());
      return 1;
    }
    ZendeskImporter.Result result = ZendeskImporter.importAll(in, scheduleJson, ids, target);
    // The updated mapping goes to the output directory; a --mapping input elsewhere is never rewritten.
    result.write(out, out.resolve(ZendeskImporter.MAPPING_FILE));
    ImportReport report = result.report();
    spec.commandLine().getOut().print(json ? report.toJson() + "\n" : report.toText());
    spec.commandLine().getOut().flush();
    return report.with(ImportReport.Status.IMPORTED).size() == report.items().size() ? 0 : 2;
  }
}
