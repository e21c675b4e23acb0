package io.handoff.zendeskimport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What an import did, rule by rule: imported, waiting for an id mapping, or unsupported, each with the
 * Zendesk id, title and reasons. Printed as text for people and as JSON for tools.
 */
public record ImportReport(List<Item> items, List<String> unmappedIds) {

  /** The kind of Zendesk object an item comes from. */
  public enum Kind { TRIGGER, SLA_POLICY, WEBHOOK, AUTOMATION, SCHEDULE, DYNAMIC_CONTENT }

  /** IMPORTED: written to the output; NEEDS_MAPPING / UNSUPPORTED: not written. */
  public enum Status { IMPORTED, NEEDS_MAPPING, UNSUPPORTED }

  /**
   * One Zendesk object.
   *
   * @param reasons why it was not imported (each names the field, operator or action)
   * @param warnings notes on an imported object (e.g. Liquid kept as literal text)
   */
  public record Item(Kind kind, String zendeskId, String title, Status status, List<String> reasons,
      List<String> warnings) {

    public Item {
      reasons = List.copyOf(reasons);
      warnings = List.copyOf(warnings);
    }
  }

  public ImportReport {
    items = List.copyOf(items);
    unmappedIds = List.copyOf(unmappedIds);
  }

  static Item item(Kind kind, String id, String title, Findings f) {
    Status status = !f.unsupported.isEmpty() ? Status.UNSUPPORTED
        : !f.needsMapping.isEmpty() ? Status.NEEDS_MAPPING : Status.IMPORTED;
    List<String> reasons = new ArrayList<>(f.unsupported);
    reasons.addAll(f.needsMapping);
    return new Item(kind, id, title, status, reasons, f.warnings);
  }

  /** The items with a status. */
  public List<Item> with(Status status) {
    return items.stream().filter(i -> i.status() == status).toList();
  }

  /** Human-readable report: counts, then one block per status. */
  public String toText() {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "Zendesk import: %d imported, %d need a mapping, %d unsupported%n",
        with(Status.IMPORTED).size(), with(Status.NEEDS_MAPPING).size(), with(Status.UNSUPPORTED).size()));
    for (Status st : Status.values()) {
      List<Item> list = with(st);
      if (!list.isEmpty()) {
        s.append('\n').append(st.name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(":\n");
      }
      for (Item i : list) {
        s.append("  ").append(i.kind().name().toLowerCase(Locale.ROOT)).append(' ').append(i.zendeskId())
            .append(" \"").append(i.title()).append("\"\n");
        i.reasons().forEach(r -> s.append("    - ").append(r).append('\n'));
        i.warnings().forEach(w -> s.append("    ! ").append(w).append('\n'));
      }
    }
    if (!unmappedIds.isEmpty()) {
      s.append("\nunmapped ids (fill them in zendesk-mapping.yaml):\n");
      unmappedIds.forEach(u -> s.append("  ").append(u).append('\n'));
    }
    return s.toString();
  }

  /** The report as indented JSON. */
  public String toJson() {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
