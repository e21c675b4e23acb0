package io.handoff.ticket;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A partial update of a ticket. Every field is optional: null means "leave as is". Values are wire
 * names so an unknown value can be reported by {@link TicketChangeValidator} instead of failing
 * deserialisation. An empty string clears {@code priority}, {@code type}, {@code group} and
 * {@code assignee} (Zendesk's "-" value); a custom field set to {@code ""} is removed.
 *
 * <p>Tags: {@code setTags} replaces all tags, then {@code addTags} are added, then {@code removeTags}
 * removed (Zendesk's set / add / remove tag actions).
 */
public record TicketChange(
    String status,
    String priority,
    String type,
    String group,
    String assignee,
    Set<String> setTags,
    Set<String> addTags,
    Set<String> removeTags,
    Map<String, String> customFields) {

  public TicketChange {
    setTags = setTags == null ? null : Set.copyOf(setTags);
    addTags = addTags == null ? Set.of() : Set.copyOf(addTags);
    removeTags = removeTags == null ? Set.of() : Set.copyOf(removeTags);
    customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
  }

  /** A change of the status only. */
  public static TicketChange status(TicketStatus status) {
    return builder().status(status.wireName()).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The wire names of the fields this change touches, in a stable order. */
  @JsonIgnore
  public List<String> touchedFields() {
    List<String> fields = new ArrayList<>();
    addIf(fields, status != null, "status");
    addIf(fields, priority != null, "priority");
    addIf(fields, type != null, "type");
    addIf(fields, group != null, "group");
    addIf(fields, assignee != null, "assignee");
    addIf(fields, setTags != null || !addTags.isEmpty() || !removeTags.isEmpty(), "tags");
    addIf(fields, !customFields.isEmpty(), "customFields");
    return fields;
  }

  /** True when the change touches no field at all. */
  @JsonIgnore
  public boolean isEmpty() {
    return touchedFields().isEmpty();
  }

  /**
   * The ticket after this change, stamped {@code updatedAt}. Pure: call it only with a change that
   * {@link TicketChangeValidator} accepted (unknown enum values would be dropped here).
   */
  public Ticket applyTo(Ticket t, Instant updatedAt) {
    return new Ticket(
        t.id(), t.externalId(), t.subject(), t.description(),
        status == null ? t.status() : TicketStatus.fromWire(status),
        priority == null ? t.priority() : TicketPriority.fromWire(priority),
        type == null ? t.type() : typeOrNull(type),
        group == null ? t.group() : blankToNull(group),
        assignee == null ? t.assignee() : blankToNull(assignee),
        t.requesterId(), t.requesterName(), t.requesterEmail(), t.organization(),
        applyTags(t.tags()), applyCustomFields(t.customFields()), t.comments(), t.via(),
        t.createdAt(), updatedAt);
  }

  /** The tag set after this change. */
  public Set<String> applyTags(Set<String> current) {
    Set<String> tags = new LinkedHashSet<>(setTags == null ? current : setTags);
    tags.addAll(addTags);
    tags.removeAll(removeTags);
    return tags;
  }

  private Map<String, String> applyCustomFields(Map<String, String> current) {
    Map<String, String> fields = new LinkedHashMap<>(current);
    customFields.forEach((k, v) -> {
      if (v.isEmpty()) {
        fields.remove(k);
      } else {
        fields.put(k, v);
      }
    });
    return fields;
  }

  private static String typeOrNull(String s) {
    TicketType parsed = TicketType.fromWire(s);
    return parsed == null ? null : parsed.wireName();
  }

  private static String blankToNull(String s) {
    return s.isBlank() ? null : s;
  }

  private static void addIf(List<String> list, boolean condition, String field) {
    if (condition) {
      list.add(field);
    }
  }

  /** Builds a change field by field (tests, triggers and webhook mapping use it). */
  public static final class Builder {
    private String status;
    private String priority;
    private String type;
    private String group;
    private String assignee;
    private Set<String> setTags;
    private final Set<String> addTags = new LinkedHashSet<>();
    private final Set<String> removeTags = new LinkedHashSet<>();
    private final Map<String, String> customFields = new LinkedHashMap<>();

    public Builder status(String v) { status = v; return this; }
    public Builder priority(String v) { priority = v; return this; }
    public Builder type(String v) { type = v; return this; }
    public Builder group(String v) { group = v; return this; }
    public Builder assignee(String v) { assignee = v; return this; }
    public Builder setTags(Set<String> v) { setTags = v; return this; }
    public Builder addTag(String v) { addTags.add(v); return this; }
    public Builder removeTag(String v) { removeTags.add(v); return this; }
    public Builder customField(String k, String v) { customFields.put(k, v); return this; }

    public TicketChange build() {
      return new TicketChange(status, priority, type, group, assignee, setTags, addTags,
          removeTags, customFields);
    }
  }
}
