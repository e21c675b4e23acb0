package io.handoff.zendeskimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handoff.dryrun.DryRun;
import io.handoff.dryrun.DryRunDiff;
import io.handoff.dryrun.DryRunEvent;
import io.handoff.dryrun.DryRunReport;
import io.handoff.rules.RuleSet;
import io.handoff.rules.RuleSetLoader;
import io.handoff.sla.hours.BusinessHoursLoader;
import io.handoff.sla.policy.SlaPolicies;
import io.handoff.sla.policy.SlaPolicyLoader;
import io.handoff.support.SupportTrigger;
import io.handoff.trigger.BusinessCalendar;
import io.handoff.yaml.Loaded;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped seed rules, written as Zendesk JSON, import into rules with the same outcomes. */
class SeedRulesImportTest {

  @TempDir
  Path dir;

  @Test
  void importsSeedTriggersInCategoryThenPositionOrder() {
    ZendeskImporter.Result r = ZendeskImporter.importAll(ImportFixtures.seed(), ImportFixtures.seedMapping());
    RuleSet imported = ImportFixtures.load(r, dir).ruleSet();
    RuleSet shipped = RuleSetLoader.load(Path.of("workflows")).ruleSet();
    List<String> titles = imported.support().ordered().stream().map(SupportTrigger::title).toList();
    assertEquals(shipped.support().ordered().stream().map(SupportTrigger::title).toList(), titles);
    assertTrue(r.supportTriggersYaml().indexOf("- Routing") < r.supportTriggersYaml().indexOf("- Notifications"));
    assertEquals(List.of(), r.report().with(ImportReport.Status.UNSUPPORTED), r.report().toText());
    assertEquals(List.of(), r.report().unmappedIds());
  }

  @Test
  void importedSeedRulesDecideLikeTheShippedYaml() throws Exception {
    ZendeskImporter.Result r = ZendeskImporter.importAll(ImportFixtures.seed(), ImportFixtures.seedMapping());
    RuleSet imported = ImportFixtures.load(r, dir).ruleSet();
    RuleSet shipped = RuleSetLoader.load(Path.of("workflows")).ruleSet();
    List<DryRunEvent> events = DryRun.readEvents(ImportFixtures.SEED.resolve("events.jsonl"));
    DryRun dryRun = new DryRun(BusinessCalendar.ALWAYS_OPEN);
    DryRunDiff diff = dryRun.diff(shipped, imported, events);
    assertEquals(List.of(), diff.changed());
    DryRunReport report = dryRun.run(imported, events);
    long fired = report.results().stream().filter(x -> x.outcome().stream().anyMatch(o -> o.startsWith("fired"))).count();
    assertEquals(5, fired);
    assertTrue(report.results().get(0).outcome().stream().anyMatch(o -> o.contains("hooks.example.invalid")
        || o.contains("sales-alerts")), report.results().get(0).outcome().toString());
  }

  @Test
  void importsSlaPoliciesLoadableBySlaPolicyLoader() {
    ZendeskImporter.Result r = ZendeskImporter.importAll(ImportFixtures.seed(), ImportFixtures.seedMapping());
    var hours = BusinessHoursLoader.load(Path.of("workflows/business-hours.yaml")).orThrow();
    Loaded<SlaPolicies> loaded = SlaPolicyLoader.parse("sla-policies.yaml", r.slaPoliciesYaml(), hours);
    assertEquals(List.of(), loaded.errors(), r.slaPoliciesYaml());
    assertTrue(r.slaPoliciesYaml().indexOf("VIP customers") < r.slaPoliciesYaml().indexOf("Standard"));
    assertTrue(r.report().items().stream().anyMatch(i -> i.warnings().stream().anyMatch(w -> w.contains("metric_settings"))));
  }
}
