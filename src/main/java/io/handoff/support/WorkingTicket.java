package io.handoff.support;

import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketComment;
import io.handoff.ticket.TicketPriority;
import io.handoff.ticket.TicketStatus;
import io.handoff.trigger.Facts;
import io.handoff.trigger.FieldRef;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The ticket while the triggers run: the writable fields change as actions apply; the update's deltas
 * (ticket before, comment, actor, session state) stay fixed. Conditions read it through {@link Facts}; SLA
 * filters ({@code sla.policy.SupportFilterMatcher}) read a ticket through it too.
 */
public final class WorkingTicket implements Facts<SupportField> {

  private final TicketUpdate update;
  private final boolean inBusinessHours;
  /** Resolves the ticket's schedule ({@code schedule_id}) and answers {@code within_schedule}. */
  private final io.handoff.trigger.BusinessCalendar calendar;
  /** The update's instant, for {@code within_schedule}; null = unknown (then within every schedule). */
  private final java.time.Instant at;
  TicketStatus status;
  TicketPriority priority;
  String type;
  String group;
  String assignee;
  final Set<String> tags = new HashSet<>();
  final Map<String, String> customFields;
  /** Sorted tag text for traces; reset by {@link #tagsChanged()}. */
  private String tagsText;

  WorkingTicket(TicketUpdate update, boolean inBusinessHours) {
    this(update, inBusinessHours, io.handoff.trigger.BusinessCalendar.ALWAYS_OPEN, null);
  }

  public WorkingTicket(TicketUpdate update, boolean inBusinessHours, io.handoff.trigger.BusinessCalendar calendar,
      java.time.Instant at) {
    this.update = update;
    this.inBusinessHours = inBusinessHours;
    this.calendar = calendar;
    this.at = at;
    Ticket t = update.after();
    status = t.status();
    priority = t.priority();
    type = t.type();
    group = t.group();
    assignee = t.assignee();
    t.tags().forEach(tag -> tags.add(tag.toLowerCase(Locale.ROOT)));
    customFields = new HashMap<>(t.customFields());
  }

  TicketUpdate update() {
    return update;
  }

  @Override
  public Object current(FieldRef<SupportField> f) {
    Ticket after = update.after();
    TicketComment comment = update.comment();
    return switch (f.kind()) {
      case UPDATE_TYPE -> update.before() == null ? "Create" : "Change";
      case STATUS -> status == null ? null : status.ordinal();
      case PRIORITY -> priority == null ? null : priority.ordinal();
      case TYPE -> type;
      case GROUP -> group;
      case ASSIGNEE -> f.key() == null ? assignee : relative(assignee, f.key());
      case REQUESTER -> f.key() == null ? after.requesterId() : relative(after.requesterId(), f.key());
      case ORGANIZATION -> after.organization();
      case TAGS -> tags;
      case VIA -> Via.normalise(after.via());
      case CURRENT_VIA -> Via.normalise(currentVia());
      case TICKET_IS_PUBLIC -> ticketIsPublic(after);
      case COMMENT_IS_PUBLIC -> comment == null ? null : Boolean.toString(comment.isPublic());
      case COMMENT_TEXT -> comment == null ? null : comment.body();
      case SUBJECT_TEXT -> after.subject();
      case ROLE -> update.actor() == null ? null : update.actor().roleName();
      case IN_BUSINESS_HOURS -> inBusinessHours;
      case SCHEDULE -> calendar.scheduleOf(customFields.get(SupportActionType.SCHEDULE_FIELD));
      case WITHIN_SCHEDULE -> f.key() == null ? null : at == null || calendar.isWithinBusinessHours(f.key(), at);
      case SESSION_STATE -> update.sessionState();
      case CUSTOM_FIELD -> customFields.get(f.key());
      case REQUESTER_FIELD -> update.requesterFields().get(f.key());
      case ORGANIZATION_FIELD -> update.organizationFields().get(f.key());
    };
  }

  /**
   * A person compared with a relative value ({@code current_user}, {@code requester_id},
   * {@code assignee_id}): the token itself when both are the same person, else the person (so
   * {@code is current_user} holds exactly when they are the same, and {@code is_not} otherwise).
   */
  private String relative(String person, String token) {
    String other = switch (token) {
      case "current_user" -> update.actor() == null ? null : update.actor().id();
      case "requester_id" -> update.after().requesterId();
      default -> assignee;
    };
    return person != null && !person.isEmpty() && person.equals(other) ? token : person;
  }

  /**
   * This update's channel: the update's own {@code via} when the caller knows it (Zendesk audits), else
   * the ticket's channel on creation and for the requester's messages, the agent interface
   * ({@code web_form}, Zendesk's via 0) for agents, and {@code rule} for the system.
   */
  private String currentVia() {
    if (update.via() != null) {
      return update.via();
    }
    if (update.before() == null || update.actor() == null
        || update.actor().role() == io.handoff.ticket.TicketComment.AuthorRole.END_USER) {
      return update.after().via();
    }
    return update.actor().role() == io.handoff.ticket.TicketComment.AuthorRole.AGENT ? "web_form" : "rule";
  }

  /** Zendesk's ticket privacy: private when the ticket's first comment is an internal note. */
  private static String ticketIsPublic(Ticket t) {
    return t.comments().isEmpty() || t.comments().get(0).isPublic() ? "public" : "private";
  }

  @Override
  public String render(FieldRef<SupportField> f, Object current) {
    if (f.kind() != SupportField.TAGS) {
      return Facts.super.render(f, current);
    }
    if (tagsText == null) {
      tagsText = String.join(" ", new java.util.TreeSet<>(tags));
    }
    return tagsText;
  }

  void tagsChanged() {
    tagsText = null;
  }

  @Override
  public Object previous(FieldRef<SupportField> f) {
    Ticket b = update.before();
    if (f.kind() == SupportField.SESSION_STATE) {
      return update.previousSessionState();
    }
    if (b == null) {
      return null;
    }
    return switch (f.kind()) {
      case STATUS -> b.status() == null ? null : b.status().ordinal();
      case PRIORITY -> b.priority() == null ? null : b.priority().ordinal();
      case TYPE -> b.type();
      case GROUP -> b.group();
      case ASSIGNEE -> b.assignee();
      case REQUESTER -> b.requesterId();
      case ORGANIZATION -> b.organization();
      case CUSTOM_FIELD -> b.customFields().get(f.key());
      default -> current(f);
    };
  }

  /** The update's ticket with every trigger change applied. */
  Ticket toTicket() {
    Ticket a = update.after();
    return new Ticket(a.id(), a.externalId(), a.subject(), a.description(), status, priority, type, group,
        assignee, a.requesterId(), a.requesterName(), a.requesterEmail(), a.organization(), Set.copyOf(tags),
        customFields, a.comments(), a.via(), a.createdAt(), a.updatedAt());
  }
}
