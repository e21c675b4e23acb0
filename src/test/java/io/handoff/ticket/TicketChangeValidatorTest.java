package io.handoff.ticket;

import static io.handoff.ticket.TicketFixtures.directory;
import static io.handoff.ticket.TicketFixtures.ticket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handoff.problem.FieldError;
import io.handoff.ticket.TicketComment.AuthorRole;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TicketChangeValidatorTest {

  private final TicketChangeValidator validator = new TicketChangeValidator(directory());

  static Stream<Arguments> refused() {
    return Stream.of(
        // case, current status, group, assignee, change, actor, refused field, message fragment
        Arguments.of("unknown status", TicketStatus.OPEN, null, null,
            TicketChange.builder().status("reopened").build(), ChangeActor.AGENT, "status", "unknown status"),
        Arguments.of("unknown priority", TicketStatus.OPEN, null, null,
            TicketChange.builder().priority("critical").build(), ChangeActor.AGENT, "priority", "unknown priority"),
        Arguments.of("unknown type", TicketStatus.OPEN, null, null,
            TicketChange.builder().type("bug").build(), ChangeActor.AGENT, "type", "unknown type"),
        Arguments.of("unknown group", TicketStatus.OPEN, null, null,
            TicketChange.builder().group("sales").build(), ChangeActor.AGENT, "group", "unknown group 'sales'"),
        Arguments.of("unknown assignee", TicketStatus.OPEN, null, null,
            TicketChange.builder().assignee("zed").build(), ChangeActor.AGENT, "assignee", "unknown agent"),
        Arguments.of("assignee outside the ticket's group", TicketStatus.OPEN, "technical", null,
            TicketChange.builder().assignee("ana").build(), ChangeActor.AGENT, "assignee", "not a member"),
        Arguments.of("assignee outside the new group", TicketStatus.OPEN, null, null,
            TicketChange.builder().group("technical").assignee("ana").build(), ChangeActor.AGENT, "assignee", "not a member"),
        Arguments.of("group that the assignee is not in", TicketStatus.OPEN, "billing", "ana",
            TicketChange.builder().group("technical").build(), ChangeActor.AGENT, "group", "not a member"),
        Arguments.of("reopening a closed ticket", TicketStatus.CLOSED, null, null,
            TicketChange.builder().status("open").build(), ChangeActor.AGENT, "status", "closed"),
        Arguments.of("reopening a closed ticket, even by the system", TicketStatus.CLOSED, null, null,
            TicketChange.builder().status("open").build(), ChangeActor.SYSTEM, "status", "closed"),
        Arguments.of("tagging a closed ticket", TicketStatus.CLOSED, null, null,
            TicketChange.builder().addTag("late").build(), ChangeActor.SYSTEM, "tags", "closed"),
        Arguments.of("prioritising a closed ticket", TicketStatus.CLOSED, null, null,
            TicketChange.builder().priority("urgent").build(), ChangeActor.AGENT, "priority", "closed"),
        Arguments.of("open back to new", TicketStatus.OPEN, null, null,
            TicketChange.builder().status("new").build(), ChangeActor.AGENT, "status", "back to new"),
        Arguments.of("solved back to new", TicketStatus.SOLVED, null, null,
            TicketChange.builder().status("new").build(), ChangeActor.SYSTEM, "status", "back to new"),
        Arguments.of("agent closes a solved ticket", TicketStatus.SOLVED, null, null,
            TicketChange.builder().status("closed").build(), ChangeActor.AGENT, "status", "only the system"),
        Arguments.of("agent closes an open ticket", TicketStatus.OPEN, null, null,
            TicketChange.builder().status("closed").build(), ChangeActor.AGENT, "status", "only the system"),
        Arguments.of("system closes an open ticket", TicketStatus.OPEN, null, null,
            TicketChange.builder().status("closed").build(), ChangeActor.SYSTEM, "status", "only a solved ticket"),
        Arguments.of("system closes a pending ticket", TicketStatus.PENDING, null, null,
            TicketChange.builder().status("closed").build(), ChangeActor.SYSTEM, "status", "only a solved ticket"),
        Arguments.of("tag with a space", TicketStatus.OPEN, null, null,
            TicketChange.builder().addTag("two words").build(), ChangeActor.AGENT, "tags", "single words"),
        Arguments.of("blank custom field name", TicketStatus.OPEN, null, null,
            TicketChange.builder().customField(" ", "x").build(), ChangeActor.AGENT, "customFields", "blank"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void refusesNamingTheField(String name, TicketStatus status, String group, String assignee,
      TicketChange change, ChangeActor actor, String field, String fragment) {
    List<FieldError> errors = validator.validate(ticket(status, group, assignee), change, actor);

    assertEquals(1, errors.size(), errors.toString());
    assertEquals(field, errors.get(0).field());
    assertTrue(errors.get(0).message().contains(fragment), errors.get(0).message());
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of("new to open", TicketStatus.NEW, TicketChange.builder().status("open").build(), ChangeActor.AGENT),
        Arguments.of("new stays new", TicketStatus.NEW, TicketChange.builder().status("new").build(), ChangeActor.AGENT),
        Arguments.of("open to pending", TicketStatus.OPEN, TicketChange.builder().status("pending").build(), ChangeActor.AGENT),
        Arguments.of("pending to hold", TicketStatus.PENDING, TicketChange.builder().status("hold").build(), ChangeActor.AGENT),
        Arguments.of("open to solved", TicketStatus.OPEN, TicketChange.builder().status("solved").build(), ChangeActor.AGENT),
        Arguments.of("solved reopened", TicketStatus.SOLVED, TicketChange.builder().status("open").build(), ChangeActor.AGENT),
        Arguments.of("system closes solved", TicketStatus.SOLVED, TicketChange.builder().status("closed").build(), ChangeActor.SYSTEM),
        Arguments.of("upper-case priority", TicketStatus.OPEN, TicketChange.builder().priority("URGENT").build(), ChangeActor.AGENT),
        Arguments.of("clear group and assignee", TicketStatus.OPEN, TicketChange.builder().group("").assignee("").build(), ChangeActor.AGENT),
        Arguments.of("assign within group", TicketStatus.OPEN, TicketChange.builder().group("billing").assignee("ana").build(), ChangeActor.AGENT),
        Arguments.of("empty change on closed ticket", TicketStatus.CLOSED, TicketChange.builder().build(), ChangeActor.AGENT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void acceptsValidChanges(String name, TicketStatus status, TicketChange change, ChangeActor actor) {
    assertEquals(List.of(), validator.validate(ticket(status, null, null), change, actor));
  }

  @Test
  void reportsEveryErrorAtOnce() {
    TicketChange change = TicketChange.builder().status("bogus").priority("meh").group("nope").build();

    List<FieldError> errors = validator.validate(ticket(TicketStatus.OPEN, null, null), change,
        ChangeActor.AGENT);

    assertEquals(List.of("status", "priority", "group"), errors.stream().map(FieldError::field).toList());
  }

  @Test
  void refusesCommentsOnClosedTicketsAndEmptyBodies() {
    NewComment ok = NewComment.publicReply("Hello", "ana", "Ana");
    assertEquals(List.of(), validator.validateComment(ticket(TicketStatus.SOLVED, null, null), ok));
    assertEquals("body", validator.validateComment(ticket(TicketStatus.CLOSED, null, null), ok)
        .get(0).field());
    NewComment blank = new NewComment(" ", true, "ana", "Ana", AuthorRole.AGENT);
    assertEquals("body", validator.validateComment(ticket(TicketStatus.OPEN, null, null), blank)
        .get(0).field());
  }

  @Test
  void refusesDraftsWithUnknownGroupOrPriority() {
    TicketDraft draft = new TicketDraft("s", "d", null, null, null, "asap", "sales", Set.of(), null,
        null, "conv-9");

    List<FieldError> errors = validator.validateDraft(draft);

    assertEquals(List.of("priority", "group"), errors.stream().map(FieldError::field).toList());
  }

  @Test
  void normalisesTheTypeAndClearsItWithAnEmptyString() {
    Ticket incident = TicketChange.builder().type("INCIDENT").build()
        .applyTo(ticket(TicketStatus.OPEN, null, null), TicketFixtures.T0);

    assertEquals("incident", incident.type());
    assertEquals(null, TicketChange.builder().type("").build().applyTo(incident, TicketFixtures.T0).type());
  }

  @Test
  void appliesTagSetThenAddThenRemove() {
    TicketChange change = TicketChange.builder().setTags(Set.of("a", "b")).addTag("c")
        .removeTag("a").build();

    assertEquals(Set.of("b", "c"), change.applyTo(ticket(TicketStatus.OPEN, null, null),
        TicketFixtures.T0).tags());
  }
}
