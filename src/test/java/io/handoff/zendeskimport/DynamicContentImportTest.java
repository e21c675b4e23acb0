package io.handoff.zendeskimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handoff.cli.HandoffCli;
import io.handoff.trigger.DynamicContent;
import io.handoff.trigger.DynamicContentLoader;
import io.handoff.yaml.Loaded;
import io.handoff.zendeskimport.ImportReport.Item;
import io.handoff.zendeskimport.ImportReport.Status;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Zendesk dynamic content ({@code GET /api/v2/dynamic_content/items}) imported into
 * {@code dynamic-content.yaml}: locale ids become language codes, unknown ones need a mapping, the
 * items merge with the target's own, and a {@code {{dc.x}}} without an item is reported.
 */
class DynamicContentImportTest {

  private static final Path CORPUS = CorpusImportTest.CORPUS;

  @TempDir
  Path dir;

  private static Item item(ZendeskImporter.Result r, String id) {
    return r.report().items().stream().filter(i -> i.zendeskId().equals(id)).findFirst().orElseThrow();
  }

  private static ZendeskImporter.Result run(IdMapping mapping, ZendeskImporter.Target target) {
    return ZendeskImporter.importAll(CorpusImportTest.corpusExport(), null, mapping, target);
  }

  private static DynamicContent load(String yaml) {
    Loaded<DynamicContent> loaded = DynamicContentLoader.parse("dynamic-content.yaml", yaml);
    assertEquals(List.of(), loaded.errors(), yaml);
    return loaded.value();
  }

  @Test
  void itemsBecomeLanguageVariantsWithTheDefaultVariantAsFallback() {
    ZendeskImporter.Result r = run(IdMapping.read(CORPUS.resolve("zendesk-mapping.yaml")),
        new ZendeskImporter.Target(null, true));
    Item intro = item(r, "96001");
    assertEquals(ImportReport.Kind.DYNAMIC_CONTENT, intro.kind());
    assertEquals(Status.IMPORTED, intro.status(), intro.toString());
    assertEquals(List.of("variant for locale 8 is inactive in Zendesk (never used): not imported"), intro.warnings());
    DynamicContent.Item loaded = load(r.dynamicContentYaml()).items().get("order_status_intro");
    assertEquals("en", loaded.fallback());
    assertEquals(Map.of("en", "Here is the latest on your Northwind request.",
        "fr", "Voici les dernières nouvelles de votre demande Northwind.",
        "es", "Aquí tiene lo último sobre su solicitud #{{ticket.id}}."), loaded.variants());
    assertEquals("Voici les dernières nouvelles de votre demande Northwind.", loaded.textFor(List.of("fr")));
    assertEquals("Here is the latest on your Northwind request.", loaded.textFor(List.of("ja")));
  }

  @Test
  void anUnknownLocaleIdIsReportedAndImportsOnceMapped() {
    IdMapping mapping = IdMapping.read(CORPUS.resolve("zendesk-mapping.yaml"));
    ZendeskImporter.Result r = run(mapping, new ZendeskImporter.Target(null, true));
    Item holiday = item(r, "96002");
    assertEquals(Status.NEEDS_MAPPING, holiday.status());
    assertEquals(List.of("variant locale id 1194 has no language code: fill it under locales in zendesk-mapping.yaml"
        + " (GET /api/v2/locales lists the account's locales; or pass --locales)"), holiday.reasons());
    assertTrue(r.report().unmappedIds().contains("locales 1194"), r.report().unmappedIds().toString());
    assertTrue(r.mapping().toYaml().contains("locales:\n  \"1\": \"en\"\n  \"2\": \"es\""), r.mapping().toYaml());
    assertFalse(load(r.dynamicContentYaml()).items().containsKey("holiday_notice"));
    // the trigger using it, and an item Zendesk never had, are reported with the body's line
    List<String> reasons = item(r, "91033").reasons();
    assertEquals(2, reasons.size(), reasons.toString());
    assertTrue(reasons.get(0).endsWith("line 1: placeholder {{dc.holiday_notice}}: no dynamic content item"
        + " \"holiday_notice\" (import GET /api/v2/dynamic_content/items with --dynamic-content, or define it in"
        + " dynamic-content.yaml)"), reasons.toString());
    assertTrue(reasons.get(1).contains("line 2: placeholder {{dc.missing_item}}: no dynamic content item"),
        reasons.toString());

    mapping.suggest(IdMapping.Kind.LOCALES, "1194", "it");
    ZendeskImporter.Result again = run(mapping, new ZendeskImporter.Target(null, true));
    assertEquals(Status.IMPORTED, item(again, "96002").status(), item(again, "96002").toString());
    assertEquals("Il nostro team è in ferie.",
        load(again.dynamicContentYaml()).items().get("holiday_notice").variants().get("it"));
    assertEquals(1, item(again, "91033").reasons().size(), item(again, "91033").reasons().toString());
    // the item's own Liquid renders with the time of the text that uses it
    io.handoff.trigger.Liquid.Scope at = load(again.dynamicContentYaml()).scope(
        new io.handoff.trigger.Liquid.Scope(name -> null, null, java.time.Instant.parse("2026-12-20T10:00:00Z")),
        List.of("en"));
    assertEquals("Our team is off for the holidays until December ends.",
        io.handoff.trigger.Placeholders.render("{{dc.holiday_notice}}", at));
  }

  @Test
  void theAccountsLocalesListMapsIdsTheBuiltInTableLacks() {
    String locales = "{\"locales\": [{\"url\": \"https://northwind-help.zendesk.com/api/v2/locales/it.json\","
        + " \"id\": 1194, \"locale\": \"it\", \"name\": \"Italiano\", \"created_at\": \"2012-03-21T08:00:00Z\","
        + " \"updated_at\": \"2025-01-07T10:00:00Z\"}]}";
    ZendeskExport in = CorpusImportTest.corpusExport().withDynamicContent(
        ZendeskExport.readFile(CORPUS.resolve("dynamic_content.json")), ZendeskExport.parse(locales));
    ZendeskImporter.Result r = ZendeskImporter.importAll(in, null,
        IdMapping.read(CORPUS.resolve("zendesk-mapping.yaml")), ZendeskImporter.Target.NONE);
    assertEquals(Status.IMPORTED, item(r, "96002").status(), item(r, "96002").toString());
    assertEquals("it", r.mapping().lookup(IdMapping.Kind.LOCALES, "1194"));
  }

  @Test
  void localeIdsZendeskPublishesImportWithoutTheAccountsLocalesList() {
    // 13 pl, 9 zh-tw and 10 zh-cn: Zendesk's public locales list (DynamicContentImporter.LOCALES)
    String export = """
        {"items": [{"id": 96101, "name": "Greeting", "placeholder": "{{dc.greeting}}", "default_locale_id": 1,
          "variants": [
            {"id": 1, "locale_id": 1, "default": true, "active": true, "content": "Hello"},
            {"id": 2, "locale_id": 13, "default": false, "active": true, "content": "Dzień dobry"},
            {"id": 3, "locale_id": 9, "default": false, "active": true, "content": "您好（繁體）"},
            {"id": 4, "locale_id": 10, "default": false, "active": true, "content": "您好（简体）"}]}]}
        """;
    ZendeskExport in = CorpusImportTest.corpusExport().withDynamicContent(ZendeskExport.parse(export), null);
    ZendeskImporter.Result r = ZendeskImporter.importAll(in, null, IdMapping.empty(), ZendeskImporter.Target.NONE);
    Item greeting = item(r, "96101");
    assertEquals(Status.IMPORTED, greeting.status(), greeting.toString());
    // one language per text in Handoff: the two Chinese locales meet, the first is kept and the report says so
    assertEquals(List.of("variant zh (locale 10): locales 9 and 10 are both language \"zh\"; kept 9 (the first)"),
        greeting.warnings());
    DynamicContent.Item loaded = load(r.dynamicContentYaml()).items().get("greeting");
    assertEquals(Map.of("en", "Hello", "pl", "Dzień dobry", "zh", "您好（繁體）"), loaded.variants());
    assertEquals("pl", r.mapping().lookup(IdMapping.Kind.LOCALES, "13"));
    // the account's own list wins over the built-in table
    ZendeskExport own = CorpusImportTest.corpusExport().withDynamicContent(ZendeskExport.parse(export),
        ZendeskExport.parse("{\"locales\": [{\"id\": 10, \"locale\": \"zh-cn\"}, {\"id\": 13, \"locale\": \"sv\"}]}"));
    ZendeskImporter.Result withList = ZendeskImporter.importAll(own, null, IdMapping.empty(), ZendeskImporter.Target.NONE);
    assertEquals("sv", withList.mapping().lookup(IdMapping.Kind.LOCALES, "13"));
  }

  @Test
  void importedItemsMergeWithTheTargetsOwnAndRulesMayUseEither() {
    String existing = """
        default_language: en
        items:
          order_status_intro:
            en: "Old intro"
          shipping_delay:
            en: "Shipping takes a little longer this week."
            de: "Der Versand dauert diese Woche etwas länger."
        """;
    ZendeskImporter.Result r = run(IdMapping.read(CORPUS.resolve("zendesk-mapping.yaml")),
        new ZendeskImporter.Target(existing, true));
    DynamicContent merged = load(r.dynamicContentYaml());
    assertEquals(Set.of("order_status_intro", "shipping_delay"), merged.items().keySet());
    assertEquals("Here is the latest on your Northwind request.",
        merged.items().get("order_status_intro").variants().get("en"), "the import replaces an item of the same name");
    assertEquals("en", merged.items().get("shipping_delay").fallback());
    assertEquals("Der Versand dauert diese Woche etwas länger.", merged.items().get("shipping_delay").variants().get("de"));
  }

  @Test
  void withoutADynamicContentExportNothingIsWritten() {
    ZendeskImporter.Result r = ZendeskImporter.importAll(ZendeskExport.read(CORPUS.resolve("triggers.json"),
        CORPUS.resolve("trigger_categories.json"), null, null, null, null), IdMapping.empty());
    assertNull(r.dynamicContentYaml());
    assertFalse(r.mapping().toYaml().contains("\"16\""), r.mapping().toYaml());
    assertEquals(Status.UNSUPPORTED, item(r, "91031").status(), "{{dc.order_status_intro}} has no item");
  }

  @Test
  void theCliTakesTheDynamicContentExportAndWritesTheMergedFile() throws Exception {
    Path out = dir.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("dynamic-content.yaml"), "items:\n  kept:\n    default: en\n    en: \"Kept\"\n");
    StringWriter text = new StringWriter();
    CommandLine cli = new CommandLine(new HandoffCli());
    cli.setOut(new PrintWriter(text));
    cli.setErr(new PrintWriter(text));
    int code = cli.execute("import-zendesk", "--triggers", CORPUS.resolve("triggers.json").toString(),
        "--categories", CORPUS.resolve("trigger_categories.json").toString(),
        "--dynamic-content", CORPUS.resolve("dynamic_content.json").toString(),
        "--mapping", CORPUS.resolve("zendesk-mapping.yaml").toString(), "--out", out.toString());
    assertEquals(2, code, text.toString());
    assertTrue(text.toString().contains("dynamic_content 96002 \"Holiday notice\""), text.toString());
    DynamicContent written = load(Files.readString(out.resolve("dynamic-content.yaml")));
    assertEquals(Set.of("kept", "order_status_intro"), written.items().keySet());
    assertTrue(Files.readString(out.resolve("zendesk-mapping.yaml")).contains("\"1194\": \"\""));
  }
}
