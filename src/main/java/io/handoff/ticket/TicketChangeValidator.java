package io.handoff.ticket;

import io.handoff.problem.FieldError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks ticket drafts, changes and comments against Zendesk's rules and the helpdesk directory,
 * returning every refused field at once. Pure: no I/O, no clock, so it can run anywhere (REST
 * layer, activities, workflow code).
 *
 * <p>Transition rules: a closed ticket cannot be changed or commented on (a customer message on a
 * closed ticket starts a follow-up instead); a ticket that left {@code new} never returns to it;
 * only the system closes a ticket, and only a solved one.
 */
public final class TicketChangeValidator {

  static final String CLOSED = "the ticket is closed: closed tickets cannot be changed"
      + " (a follow-up ticket is created instead)";
  private static final int MAX_TAG_LENGTH = 80;

  private final HelpdeskDirectory directory;

  public TicketChangeValidator(HelpdeskDirectory directory) {
    this.directory = directory;
  }

  /** Errors for applying {@code change} to {@code current} on behalf of {@code actor}. */
  public List<FieldError> validate(Ticket current, TicketChange change, ChangeActor actor) {
    List<FieldError> errors = new ArrayList<>();
    if (current.status() == TicketStatus.CLOSED) {
      change.touchedFields().forEach(f -> errors.add(new FieldError(f, CLOSED)));
      return errors;
    }
    checkStatus(current, change.status(), actor, errors);
    checkValues(change, current, errors);
    return errors;
  }

  /**
   * Errors in the values alone (unknown status, priority, type, group, assignee; bad tags), for a
   * helpdesk that enforces transitions itself (Zendesk answers 422).
   */
  public List<FieldError> validateValues(TicketChange change) {
    List<FieldError> errors = new ArrayList<>();
    if (change.status() != null && TicketStatus.fromWire(change.status()) == null) {
      errors.add(unknown("status", change.status(), TicketStatus.values()));
    }
    checkValues(change, null, errors);
    return errors;
  }

  private void checkValues(TicketChange change, Ticket current, List<FieldError> errors) {
    checkEnum("priority", change.priority(), TicketPriority.values(), true, errors);
    checkEnum("type", change.type(), TicketType.values(), true, errors);
    boolean groupKnown = checkGroup(change.group(), errors);
    boolean assigneeKnown = checkAssignee(change.assignee(), errors);
    if (groupKnown && assigneeKnown && current != null) {
      checkMembership(current, change, errors);
    }
    checkTags("tags", change.setTags(), errors);
    checkTags("tags", change.addTags(), errors);
    checkTags("tags", change.removeTags(), errors);
    checkCustomFields(change.customFields(), errors);
  }

  /** Errors for creating a ticket from {@code draft}. */
  public List<FieldError> validateDraft(TicketDraft draft) {
    List<FieldError> errors = new ArrayList<>();
    if (isBlank(draft.subject()) && isBlank(draft.description())) {
      errors.add(new FieldError("subject", "a ticket needs a subject or a description"));
    }
    if (isBlank(draft.conversationId())) {
      errors.add(new FieldError("conversationId", "is required (it links the ticket to its journey)"));
    }
    checkEnum("priority", draft.priority(), TicketPriority.values(), true, errors);
    checkGroup(draft.group(), errors);
    checkTags("tags", draft.tags(), errors);
    checkCustomFields(draft.customFields(), errors);
    return errors;
  }

  /** Errors for adding {@code comment} to {@code current}. */
  public List<FieldError> validateComment(Ticket current, NewComment comment) {
    List<FieldError> errors = new ArrayList<>();
    if (current != null && current.status() == TicketStatus.CLOSED) {
      errors.add(new FieldError("body", CLOSED));
    }
    if (comment.body() == null || comment.body().isBlank()) {
      errors.add(new FieldError("body", "must not be empty"));
    }
    FieldError tooLong = TextLimits.text("body", comment.body());
    if (tooLong != null) {
      errors.add(tooLong);
    }
    if (comment.authorRole() == null) {
      errors.add(new FieldError("author.role", "is required: agent, end_user or system"));
    }
    return errors;
  }

  private void checkStatus(Ticket current, String status, ChangeActor actor,
      List<FieldError> errors) {
    if (status == null) {
      return;
    }
    TicketStatus target = TicketStatus.fromWire(status);
    if (target == null) {
      errors.add(unknown("status", status, TicketStatus.values()));
    } else if (target == TicketStatus.NEW && current.status() != TicketStatus.NEW) {
      errors.add(new FieldError("status", "cannot go back to new: the ticket is already "
          + current.status().wireName()));
    } else if (target == TicketStatus.CLOSED && actor != ChangeActor.SYSTEM) {
      errors.add(new FieldError("status", "only the system closes tickets: set solved, and the"
          + " ticket closes automatically"));
    } else if (target == TicketStatus.CLOSED && current.status() != TicketStatus.SOLVED) {
      errors.add(new FieldError("status", "only a solved ticket can be closed; the ticket is "
          + current.status().wireName()));
    }
  }

  private boolean checkGroup(String group, List<FieldError> errors) {
    if (group == null || group.isEmpty() || directory.group(group).isPresent()) {
      return true;
    }
    errors.add(new FieldError("group", "unknown group '" + group + "' (known: "
        + String.join(", ", directory.groupNames().keySet()) + ")"));
    return false;
  }

  private boolean checkAssignee(String assignee, List<FieldError> errors) {
    if (assignee == null || assignee.isEmpty() || directory.agent(assignee).isPresent()) {
      return true;
    }
    errors.add(new FieldError("assignee", "unknown agent '" + assignee + "'"));
    return false;
  }

  /** The ticket's group and assignee after the change must fit: the assignee is a member. */
  private void checkMembership(Ticket current, TicketChange change, List<FieldError> errors) {
    String group = change.group() != null ? change.group() : current.group();
    String assignee = change.assignee() != null ? change.assignee() : current.assignee();
    if (isBlank(group) || isBlank(assignee) || directory.isMember(assignee, group)) {
      return;
    }
    String field = change.assignee() != null ? "assignee" : "group";
    errors.add(new FieldError(field, "agent '" + assignee + "' is not a member of group '"
        + group + "'"));
  }

  private static void checkTags(String field, Set<String> tags, List<FieldError> errors) {
    if (tags == null) {
      return;
    }
    for (String tag : tags) {
      if (tag == null || tag.isBlank() || tag.chars().anyMatch(Character::isWhitespace)) {
        errors.add(new FieldError(field, "invalid tag '" + tag + "': tags are single words"));
      } else if (tag.length() > MAX_TAG_LENGTH) {
        errors.add(new FieldError(field, "tag '" + tag + "' is longer than " + MAX_TAG_LENGTH));
      }
    }
  }

  private static void checkCustomFields(Map<String, String> fields, List<FieldError> errors) {
    fields.keySet().stream().filter(TicketChangeValidator::isBlank).findAny()
        .ifPresent(k -> errors.add(new FieldError("customFields", "field names must not be blank")));
  }

  private static <E extends Enum<E>> void checkEnum(String field, String value, E[] allowed,
      boolean clearable, List<FieldError> errors) {
    if (value == null || (clearable && value.isEmpty())) {
      return;
    }
    boolean known = Arrays.stream(allowed).anyMatch(e -> e.name().equalsIgnoreCase(value.trim()));
    if (!known) {
      errors.add(unknown(field, value, allowed));
    }
  }

  private static <E extends Enum<E>> FieldError unknown(String field, String value, E[] allowed) {
    String names = Arrays.stream(allowed).map(e -> e.name().toLowerCase(java.util.Locale.ROOT))
        .collect(Collectors.joining(", "));
    return new FieldError(field, "unknown " + field + " '" + value + "' (allowed: " + names + ")");
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
