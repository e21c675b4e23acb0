package io.handoff.zendeskimport;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.trigger.DynamicContent;
import io.handoff.trigger.DynamicContentLoader;
import io.handoff.trigger.Placeholders;
import io.handoff.yaml.Loaded;
import io.handoff.zendeskimport.IdMapping.Kind;
import io.handoff.zendeskimport.ImportReport.Item;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Zendesk dynamic content ({@code GET /api/v2/dynamic_content/items}: items with {@code name},
 * {@code placeholder}, {@code default_locale_id} and {@code variants[]} of {@code locale_id},
 * {@code content}, {@code default}, {@code active}) into {@code dynamic-content.yaml} items, merged
 * with the target's existing items (written in name order). The item's name in Handoff is its placeholder's
 * ({@code {{dc.order_status}}} → {@code order_status}); each variant's Zendesk locale id becomes a
 * language code through the mapping's {@code locales} section, pre-filled from {@link #LOCALES} and
 * from the account's locales ({@code GET /api/v2/locales}) when given. An item with a locale id that
 * has no language code needs a mapping; one whose texts Handoff cannot render is unsupported.
 */
final class DynamicContentImporter {

  /**
   * Zendesk locale ids whose locale Zendesk itself states, with their language code. Sources (checked
   * 2026-12-04 in stored copies): the Locales API reference examples (developer.zendesk.com
   * api-reference/ticketing/account-configuration/locales: 1 en-US, 8 de); the dynamic content items
   * reference's create example (variant locale_id 16 "Voici mon contenu dynamique en français", 2 "Este es
   * mi contenido dinámico en español"); and Zendesk's own account's public locales list
   * ({@code GET https://support.zendesk.com/api/v2/locales/public.json}, updated 2026-06: 1 en-US, 2 es,
   * 8 de, 9 zh-tw, 10 zh-cn, 13 pl; the copy seen ends there). Locale ids are Zendesk-wide ("available to
   * all accounts"), but an account's own {@code GET /api/v2/locales} ({@code --locales}) stays the source
   * of truth: its pairs are suggested first. Any other id comes from it or the mapping file.
   */
  static final Map<String, String> LOCALES = locales();

  private static Map<String, String> locales() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("1", "en");   // en-US
    m.put("2", "es");
    m.put("8", "de");
    m.put("9", "zh");   // zh-tw: Handoff keys texts by ISO 639-1 language, so both Chinese locales are "zh"
    m.put("10", "zh");  // zh-cn
    m.put("13", "pl");
    m.put("16", "fr");
    return java.util.Collections.unmodifiableMap(m);
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*dc\\.([^\\s}]+)\\s*}}");
  private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");

  private final IdMapping mapping;
  private final List<Item> items;

  DynamicContentImporter(IdMapping mapping, List<Item> items) {
    this.mapping = mapping;
    this.items = items;
  }

  /** The outcome: the merged file text (null when there is nothing to write) and the item names defined. */
  record Outcome(String yaml, Set<String> names) {}

  /**
   * Imports {@code export} (null = not given) over {@code existingYaml}, the target's
   * {@code dynamic-content.yaml} (null = none). Imported items replace existing ones of the same name.
   */
  Outcome convert(JsonNode export, JsonNode locales, String existingYaml) {
    Map<String, DynamicContent.Item> merged = new TreeMap<>();
    if (existingYaml != null) {
      Loaded<DynamicContent> existing = DynamicContentLoader.parse(DynamicContentLoader.FILE, existingYaml);
      if (existing.value() == null) {
        if (export != null) {
          // merging would drop what does not load: nothing is written until the file is fixed
          Findings f = new Findings();
          f.unsupported.add("the target's " + DynamicContentLoader.FILE + " does not load ("
              + (existing.errors().isEmpty() ? "empty" : existing.errors().get(0)) + "): fix it, then import again");
          items.add(ImportReport.item(ImportReport.Kind.DYNAMIC_CONTENT, DynamicContentLoader.FILE,
              DynamicContentLoader.FILE, f));
        }
        return new Outcome(null, Set.of());
      }
      merged.putAll(existing.value().items());
    }
    boolean imported = false;
    if (export != null) {
      if (locales != null) {
        for (JsonNode l : locales.isArray() ? locales : locales.path("locales")) {
          String code = DynamicContent.languageCode(l.path("locale").asText(null));
          if (code != null) {
            mapping.suggest(Kind.LOCALES, l.path("id").asText(), code);
          }
        }
      }
      LOCALES.forEach((id, code) -> mapping.suggest(Kind.LOCALES, id, code));
      List<JsonNode> list = new ArrayList<>();
      if (export.isArray()) {
        export.forEach(list::add);
      } else if (export.path("item").isObject()) {
        list.add(export.get("item"));
      } else {
        export.path("items").forEach(list::add);
      }
      for (JsonNode item : list) {
        DynamicContent.Item converted = item(item);
        if (converted != null) {
          merged.put(converted.name(), converted);
          imported = true;
        }
      }
    }
    if (!imported) {
      return new Outcome(null, new LinkedHashSet<>(merged.keySet()));
    }
    return new Outcome(yaml(merged), new LinkedHashSet<>(merged.keySet()));
  }

  private DynamicContent.Item item(JsonNode item) {
    Findings f = new Findings();
    String id = item.path("id").asText();
    String title = item.path("name").asText(id);
    Matcher m = PLACEHOLDER.matcher(item.path("placeholder").asText(""));
    String name = m.matches() ? m.group(1) : null;
    if (name == null) {
      f.unsupported.add("placeholder \"" + item.path("placeholder").asText("") + "\" is not {{dc.<name>}}");
    } else if (!NAME.matcher(name).matches()) {
      f.unsupported.add("placeholder {{dc." + name + "}}: Handoff item names are lower-case letters, digits and _");
    }
    Map<String, String> variants = new TreeMap<>();
    Map<String, String> localeOf = new LinkedHashMap<>();
    String fallback = null;
    String defaultLocale = item.path("default_locale_id").asText(null);
    for (JsonNode v : item.path("variants")) {
      String locale = v.path("locale_id").asText();
      if (!v.path("active").asBoolean(true)) {
        f.warnings.add("variant for locale " + locale + " is inactive in Zendesk (never used): not imported");
        continue;
      }
      String language = mapping.lookup(Kind.LOCALES, locale);
      if (language == null) {
        f.needsMapping.add("variant locale id " + locale + " has no language code: fill it under locales in"
            + " zendesk-mapping.yaml (GET /api/v2/locales lists the account's locales; or pass --locales)");
        continue;
      }
      if (!language.equals(DynamicContent.languageCode(language))) {
        f.unsupported.add("locale id " + locale + " is mapped to \"" + language
            + "\", not an ISO 639-1 language code (en, fr, ja ...)");
        continue;
      }
      String content = v.path("content").asText("");
      String what = "variant " + language + " (locale " + locale + ")";
      String converted;
      if (Placeholders.names(content).stream().anyMatch(n -> n.startsWith(DynamicContent.PREFIX))) {
        f.unsupported.add(what + ": a dynamic content text cannot use another item");
        converted = null;
      } else {
        converted = Bodies.convert(what, content, mapping, f, new Bodies.Context(Set.of(), true));
      }
      if (variants.containsKey(language)) {
        boolean replace = v.path("default").asBoolean(false);
        f.warnings.add(what + ": locales " + localeOf.get(language) + " and " + locale + " are both language \""
            + language + "\"; kept " + (replace ? locale : localeOf.get(language)) + " ("
            + (replace ? "the default variant" : "the first") + ")");
        if (!replace) {
          continue;
        }
      }
      if (converted != null) {
        variants.put(language, converted);
        localeOf.put(language, locale);
      }
      if (v.path("default").asBoolean(false)) {
        fallback = language;
      }
    }
    if (fallback == null && defaultLocale != null) {
      fallback = mapping.lookup(Kind.LOCALES, defaultLocale);
    }
    if (f.clean() && variants.isEmpty()) {
      f.unsupported.add("no active variant");
    }
    if (f.clean() && (fallback == null || !variants.containsKey(fallback))) {
      f.unsupported.add("no default variant among the imported ones (default_locale_id " + defaultLocale + ")");
    }
    items.add(ImportReport.item(ImportReport.Kind.DYNAMIC_CONTENT, id, title, f));
    return f.clean() ? new DynamicContent.Item(name, fallback, variants, 0) : null;
  }

  /** The file: a header, then every item with its fallback ({@code default}) and one text per language. */
  private static String yaml(Map<String, DynamicContent.Item> items) {
    Map<String, Object> doc = new LinkedHashMap<>();
    Map<String, Object> out = new LinkedHashMap<>();
    items.forEach((name, item) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("default", item.fallback());
      new TreeMap<>(item.variants()).forEach(m::put);
      out.put(name, m);
    });
    doc.put("items", out);
    return "# Dynamic content, merged by import-zendesk (docs/zendesk-import.md). Format: docs/rules.md.\n"
        + ZendeskImporter.yaml(doc);
  }
}
