package io.handoff.support;

import io.handoff.ticket.TicketChange;
import io.handoff.ticket.TicketPriority;
import io.handoff.ticket.TicketStatus;
import io.handoff.trigger.ActionTrace;
import io.handoff.trigger.ConditionGroup;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one apply path of support actions, for support triggers, automations and SLA escalations: applies
 * one rule's actions to the working ticket at once. Field actions change the ticket now (so later rules
 * see them) and are kept as the change they ask for ({@link #requested()}); comments and notifications
 * are queued and rendered once the loop ends, because Zendesk sends them after the update is saved, with
 * the final values.
 */
final class SupportActionApplier {

  /** A comment or notification waiting for the final ticket values. */
  record Queued(SupportTrigger trigger, int index, SupportAction action) {}

  private final WorkingTicket ticket;
  private final List<Queued> queued = new ArrayList<>();
  /** The field writes as a ticket change, in action order (see {@link #requested()}). */
  private final TicketChange.Builder requested = TicketChange.builder();
  private Set<String> setTags;
  private final Set<String> addTags = new LinkedHashSet<>();
  private final Set<String> removeTags = new LinkedHashSet<>();

  SupportActionApplier(WorkingTicket ticket) {
    this.ticket = ticket;
  }

  List<Queued> queued() {
    return queued;
  }

  /**
   * The change the applied field actions ask for, each written field set even when its value did not
   * change and tags as set / add / remove operations (so a tag added by another writer meanwhile stays):
   * what an SLA escalation saves.
   */
  TicketChange requested() {
    if (setTags != null) {
      requested.setTags(setTags);
    }
    addTags.forEach(requested::addTag);
    removeTags.forEach(requested::removeTag);
    return requested.build();
  }

  /**
   * Applies every action of {@code trigger}; adds a trace per action and the names of the fields whose
   * value really changed to {@code changedFields}.
   */
  List<ActionTrace> apply(SupportTrigger trigger, Set<String> changedFields) {
    List<ActionTrace> traces = new ArrayList<>(trigger.actions().size());
    for (int i = 0; i < trigger.actions().size(); i++) {
      SupportAction a = trigger.actions().get(i);
      String before = read(a);
      Set<String> tagsBefore = a.tags().isEmpty() && a.type() != SupportActionType.SET_TAGS
          ? null : Set.copyOf(ticket.tags);
      write(a, trigger, i);
      String after = a.writes() == null ? describeEffect(a) : read(a);
      if (tagsBefore != null) {
        ticket.tagsChanged();
        changedTags(tagsBefore, changedFields);
      } else if (a.writes() != null && !Objects.equals(before, after)) {
        changedFields.add(a.writes());
        if (a.type() == SupportActionType.SET_SCHEDULE) {
          changedFields.add(SupportField.SCHEDULE.wireName());
        }
      }
      traces.add(new ActionTrace(i, a.type().wireName(), a.field(), before, after));
    }
    return traces;
  }

  /** Tag changes are indexed per tag: only conditions on that tag can change their result. */
  private void changedTags(Set<String> before, Set<String> changedFields) {
    for (String t : ticket.tags) {
      if (!before.contains(t)) {
        changedFields.add(ConditionGroup.tagKey("current_tags", t));
      }
    }
    for (String t : before) {
      if (!ticket.tags.contains(t)) {
        changedFields.add(ConditionGroup.tagKey("current_tags", t));
      }
    }
  }

  private String read(SupportAction a) {
    return switch (a.type()) {
      case STATUS -> ticket.status == null ? "" : ticket.status.wireName();
      case PRIORITY, RAISE_PRIORITY -> ticket.priority == null ? "" : ticket.priority.wireName();
      case TYPE -> nz(ticket.type);
      case GROUP -> nz(ticket.group);
      case ASSIGNEE -> nz(ticket.assignee);
      case CUSTOM_FIELD -> nz(ticket.customFields.get(a.field().substring("custom_fields_".length())));
      case SET_SCHEDULE -> nz(ticket.customFields.get(SupportActionType.SCHEDULE_FIELD));
      case ADD_TAGS, REMOVE_TAGS, SET_TAGS -> String.join(" ", new TreeSet<>(ticket.tags));
      default -> null;
    };
  }

  private void write(SupportAction a, SupportTrigger trigger, int index) {
    switch (a.type()) {
      case STATUS -> ticket.status = TicketStatus.fromWire(a.value());
      case PRIORITY -> ticket.priority = TicketPriority.fromWire(a.value());
      case RAISE_PRIORITY -> ticket.priority = raised(ticket.update().after().priority());
      case TYPE -> ticket.type = blankToNull(a.value());
      case GROUP -> ticket.group = blankToNull(a.value());
      case ASSIGNEE -> ticket.assignee = assignee(a.value());
      case CUSTOM_FIELD -> customField(a);
      case SET_SCHEDULE -> ticket.customFields.put(SupportActionType.SCHEDULE_FIELD, a.value());
      case ADD_TAGS -> ticket.tags.addAll(a.tags());
      case REMOVE_TAGS -> ticket.tags.removeAll(a.tags());
      case SET_TAGS -> {
        ticket.tags.clear();
        ticket.tags.addAll(a.tags());
      }
      default -> queued.add(new Queued(trigger, index, a));
    }
    request(a);
  }

  /** Records a field write in {@link #requested()}. */
  private void request(SupportAction a) {
    switch (a.type()) {
      case STATUS -> requested.status(a.value());
      case PRIORITY, RAISE_PRIORITY -> requested.priority(ticket.priority == null ? "" : ticket.priority.wireName());
      case TYPE -> requested.type(a.value());
      case GROUP -> requested.group(a.value());
      case ASSIGNEE -> requested.assignee(nz(ticket.assignee));
      case CUSTOM_FIELD -> requested.customField(a.field().substring("custom_fields_".length()), a.value());
      case SET_SCHEDULE -> requested.customField(SupportActionType.SCHEDULE_FIELD, a.value());
      case ADD_TAGS -> {
        addTags.addAll(a.tags());
        removeTags.removeAll(a.tags());
      }
      case REMOVE_TAGS -> {
        removeTags.addAll(a.tags());
        addTags.removeAll(a.tags());
      }
      case SET_TAGS -> {
        setTags = new LinkedHashSet<>(a.tags());
        addTags.clear();
        removeTags.clear();
      }
      default -> { }
    }
  }

  /** One step up; a ticket without priority counts as normal and gets normal (as escalations always did). */
  private static TicketPriority raised(TicketPriority current) {
    return current == null ? TicketPriority.NORMAL : current.raised();
  }

  private void customField(SupportAction a) {
    String key = a.field().substring("custom_fields_".length());
    if (a.value().isEmpty()) {
      ticket.customFields.remove(key);
    } else {
      ticket.customFields.put(key, a.value());
    }
  }

  /** Zendesk's special assignee values: {@code current_user} and {@code requester_id}. */
  private String assignee(String value) {
    TicketUpdate u = ticket.update();
    if ("current_user".equals(value)) {
      return u.actor() == null ? null : u.actor().id();
    }
    if ("requester_id".equals(value)) {
      return u.after().requesterId();
    }
    return blankToNull(value);
  }

  private static String describeEffect(SupportAction a) {
    return switch (a.type()) {
      case REPLY_PUBLIC -> "public reply queued";
      case REPLY_INTERNAL -> "internal note queued";
      case NOTIFY_WEBHOOK -> "webhook " + a.args().get(0) + " queued";
      default -> "e-mail to " + a.args().get(0) + " queued";
    };
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
