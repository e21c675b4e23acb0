package io.handoff.zendeskimport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The editable {@code zendesk-mapping.yaml}: Zendesk ids to Handoff names, per kind. The importer
 * writes every id it met; an empty value means "not mapped yet" and the rules using it are reported
 * as needing a mapping. An existing file is read first and its values are kept.
 */
public final class IdMapping {

  /** The kinds of ids a Zendesk rule refers to, with the section name used in the file. */
  public enum Kind {
    GROUPS("Zendesk group id -> Handoff group name"),
    USERS("Zendesk user id -> e-mail address (notifications) or Handoff agent name (assignee)"),
    ORGANIZATIONS("Zendesk organization id -> Handoff organization name"),
    CUSTOM_FIELDS("Zendesk ticket field id -> Handoff custom field key (custom_fields_<key>)"),
    WEBHOOKS("Zendesk webhook id -> Handoff webhook id"),
    CATEGORIES("Zendesk trigger category id -> Handoff category name"),
    SCHEDULES("Zendesk schedule id -> Handoff schedule name (business-hours.yaml), pre-filled with the Zendesk name"),
    LOCALES("Zendesk locale id -> language code (ISO 639-1) of dynamic content variants (docs/zendesk-import.md)");

    final String help;

    Kind(String help) {
      this.help = help;
    }

    String section() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final YAMLMapper YAML = new YAMLMapper();
  private final Map<Kind, Map<String, String>> entries = new EnumMap<>(Kind.class);

  private IdMapping() {
    for (Kind k : Kind.values()) {
      entries.put(k, new LinkedHashMap<>());
    }
  }

  public static IdMapping empty() {
    return new IdMapping();
  }

  /** Reads a mapping file; a missing file gives an empty mapping. */
  public static IdMapping read(Path file) {
    if (file == null || !Files.isRegularFile(file)) {
      return empty();
    }
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses the YAML text of a mapping file; unknown sections are an error. */
  public static IdMapping parse(String yaml) throws IOException {
    IdMapping m = empty();
    JsonNode root = YAML.readTree(yaml);
    if (root == null || root.isMissingNode() || root.isNull()) {
      return m;
    }
    for (var it = root.fields(); it.hasNext(); ) {
      var e = it.next();
      Kind kind = kindOf(e.getKey());
      e.getValue().fields().forEachRemaining(
          f -> m.entries.get(kind).put(f.getKey(), f.getValue().isNull() ? "" : f.getValue().asText().trim()));
    }
    return m;
  }

  private static Kind kindOf(String section) throws IOException {
    for (Kind k : Kind.values()) {
      if (k.section().equals(section)) {
        return k;
      }
    }
    throw new IOException("unknown section \"" + section + "\" in mapping file");
  }

  /** The Handoff name for a Zendesk id, or null; an id seen for the first time is recorded as unmapped. */
  public String lookup(Kind kind, String zendeskId) {
    String v = entries.get(kind).computeIfAbsent(zendeskId, k -> "");
    return v.isBlank() ? null : v;
  }

  /** Records a default name for an id unless the file already maps it. */
  public void suggest(Kind kind, String zendeskId, String name) {
    Map<String, String> m = entries.get(kind);
    if (m.getOrDefault(zendeskId, "").isBlank()) {
      m.put(zendeskId, name);
    }
  }

  /** The Zendesk id mapped to a Handoff name, or null (used by the exporter). */
  public String reverse(Kind kind, String name) {
    for (Map.Entry<String, String> e : entries.get(kind).entrySet()) {
      if (e.getValue().equals(name)) {
        return e.getKey();
      }
    }
    return null;
  }

  /** Ids recorded without a name. */
  public List<String> unmapped(Kind kind) {
    List<String> out = new ArrayList<>();
    entries.get(kind).forEach((id, name) -> {
      if (name.isBlank()) {
        out.add(id);
      }
    });
    return out;
  }

  /** The file text: one commented section per kind, unmapped ids with an empty value. */
  public String toYaml() {
    StringBuilder y = new StringBuilder("# Zendesk ids -> Handoff names, written by import-zendesk.\n"
        + "# Fill in the empty values (\"\") and run the import again; values you set are kept.\n");
    for (Kind k : Kind.values()) {
      Map<String, String> m = entries.get(k);
      y.append("\n# ").append(k.help).append('\n').append(k.section()).append(':');
      if (m.isEmpty()) {
        y.append(" {}\n");
        continue;
      }
      y.append('\n');
      m.forEach((id, name) -> y.append("  ").append(quote(id)).append(": ").append(quote(name)).append('\n'));
    }
    return y.toString();
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
