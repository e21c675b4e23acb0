package io.handoff.ticket.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.problem.Problem;
import io.handoff.ticket.HelpdeskDirectory;
import io.handoff.ticket.HelpdeskDirectoryLoader;
import io.handoff.ticket.NewComment;
import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketChange;
import io.handoff.ticket.TicketChangeValidator;
import io.handoff.ticket.TicketCommands;
import io.handoff.ticket.TicketComment.AuthorRole;
import io.handoff.ticket.TicketComment;
import io.handoff.ticket.TicketDraft;
import io.handoff.ticket.TicketPage;
import io.handoff.ticket.TicketStatus;
import io.handoff.ticket.builtin.BuiltInHelpdesk;
import io.handoff.ticket.builtin.TestDatabases;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ticket resource's validation, on the built-in helpdesk, with commands applied directly (the
 * lead's implementation routes them through the journey workflow).
 */
class TicketResourceTest {

  private BuiltInHelpdesk helpdesk;
  private TicketResource resource;
  private int commandsCalled;
  private String ticketId;

  @BeforeEach
  void setUp() {
    HelpdeskDirectory dir = HelpdeskDirectoryLoader.load("h.yaml", """
        groups:
          - {id: billing, name: Billing}
          - {id: technical, name: Technical}
        agents:
          - {id: ana, name: Ana Souza, email: ana@example.com, groups: [billing]}
        """).value();
    helpdesk = new BuiltInHelpdesk(TestDatabases.h2(), new TicketChangeValidator(dir),
        Clock.systemUTC());
    TicketCommands commands = new TicketCommands() {
      public Ticket change(String id, TicketChange change) {
        commandsCalled++;
        return helpdesk.update(id, change, UUID.randomUUID().toString());
      }

      public TicketComment comment(String id, NewComment comment) {
        commandsCalled++;
        return helpdesk.addComment(id, comment, UUID.randomUUID().toString());
      }
    };
    resource = new TicketResource(helpdesk, commands, dir, new ObjectMapper());
    ticketId = helpdesk.create(new TicketDraft("Refund", "Charged twice", "c1", "Jo", null,
        "normal", "billing", Set.of(), "web_widget", Map.of(), "conv-1"), "create").id();
  }

  private Response patch(String json) {
    return resource.patch(ticketId, json.getBytes(StandardCharsets.UTF_8));
  }

  private void setStatus(TicketStatus status) {
    helpdesk.update(ticketId, TicketChange.status(status), UUID.randomUUID().toString());
  }

  private static String field(Response r) {
    return ((Problem) r.getEntity()).field();
  }

  static Stream<Arguments> refusedPatches() {
    return Stream.of(
        Arguments.of("malformed JSON", TicketStatus.OPEN, "{\"status\": ", "body"),
        Arguments.of("not an object", TicketStatus.OPEN, "[\"open\"]", "body"),
        Arguments.of("empty change", TicketStatus.OPEN, "{}", "body"),
        Arguments.of("unknown field", TicketStatus.OPEN, "{\"stauts\": \"open\"}", "stauts"),
        Arguments.of("status not a string", TicketStatus.OPEN, "{\"status\": 3}", "status"),
        Arguments.of("tags not a list", TicketStatus.OPEN, "{\"tags\": \"a b\"}", "tags"),
        Arguments.of("unknown status", TicketStatus.OPEN, "{\"status\": \"reopened\"}", "status"),
        Arguments.of("unknown priority", TicketStatus.OPEN, "{\"priority\": \"critical\"}", "priority"),
        Arguments.of("unknown group", TicketStatus.OPEN, "{\"group\": \"sales\"}", "group"),
        Arguments.of("unknown assignee", TicketStatus.OPEN, "{\"assignee\": \"zed\"}", "assignee"),
        Arguments.of("assignee outside group", TicketStatus.OPEN,
            "{\"group\": \"technical\", \"assignee\": \"ana\"}", "assignee"),
        Arguments.of("reopen closed ticket", TicketStatus.CLOSED, "{\"status\": \"open\"}", "status"),
        Arguments.of("tag closed ticket", TicketStatus.CLOSED, "{\"addTags\": [\"x\"]}", "tags"),
        Arguments.of("back to new", TicketStatus.OPEN, "{\"status\": \"new\"}", "status"),
        Arguments.of("agent closes solved ticket", TicketStatus.SOLVED, "{\"status\": \"closed\"}", "status"),
        Arguments.of("agent closes open ticket", TicketStatus.OPEN, "{\"status\": \"closed\"}", "status"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedPatches")
  void refusesWith400NamingTheFieldAndChangesNothing(String name, TicketStatus status, String body,
      String field) {
    setStatus(TicketStatus.OPEN);
    if (status == TicketStatus.SOLVED || status == TicketStatus.CLOSED) {
      setStatus(TicketStatus.SOLVED);
    }
    if (status == TicketStatus.CLOSED) {
      setStatus(TicketStatus.CLOSED);
    }
    Ticket before = helpdesk.find(ticketId).orElseThrow();

    Response r = patch(body);

    assertEquals(400, r.getStatus());
    assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString());
    assertEquals(field, field(r));
    assertEquals(0, commandsCalled);
    assertEquals(before, helpdesk.find(ticketId).orElseThrow());
  }

  @Test
  void appliesAValidPatchThroughTheCommands() {
    Response r = patch("{\"status\": \"open\", \"assignee\": \"ana\", \"addTags\": [\"vip\"]}");

    assertEquals(200, r.getStatus());
    Ticket t = (Ticket) r.getEntity();
    assertEquals(TicketStatus.OPEN, t.status());
    assertEquals("ana", t.assignee());
    assertEquals(1, commandsCalled);
  }

  @Test
  void unknownTicketIs404() {
    Response r = resource.patch("999", "{\"status\": \"open\"}".getBytes(StandardCharsets.UTF_8));

    assertEquals(404, r.getStatus());
    assertEquals(404, resource.get("999").getStatus());
    assertEquals(404, resource.comment("999", "{\"body\": \"hi\", \"author\": \"ana\"}"
        .getBytes(StandardCharsets.UTF_8)).getStatus());
  }

  @Test
  void addsACommentByAKnownAgent() {
    Response r = resource.comment(ticketId, "{\"public\": false, \"body\": \"checking\", \"author\": \"ana\"}"
        .getBytes(StandardCharsets.UTF_8));

    assertEquals(201, r.getStatus());
    TicketComment c = (TicketComment) r.getEntity();
    assertEquals("Ana Souza", c.authorName());
    assertEquals(AuthorRole.AGENT, c.authorRole());
    assertEquals(false, c.isPublic());
  }

  static Stream<Arguments> refusedComments() {
    return Stream.of(
        Arguments.of("{\"author\": \"ana\"}", "body"),
        Arguments.of("{\"body\": \"  \", \"author\": \"ana\"}", "body"),
        Arguments.of("{\"body\": \"hi\"}", "author"),
        Arguments.of("{\"body\": \"hi\", \"author\": \"zed\"}", "author"),
        Arguments.of("{\"body\": \"hi\", \"author\": {\"id\": \"c1\", \"role\": \"boss\"}}", "author.role"),
        Arguments.of("{\"body\": \"hi\", \"public\": \"yes\", \"author\": \"ana\"}", "public"),
        Arguments.of("{\"body\": \"hi\", \"author\": \"ana\", \"cc\": \"x\"}", "cc"));
  }

  @ParameterizedTest
  @MethodSource("refusedComments")
  void refusesInvalidComments(String body, String field) {
    Response r = resource.comment(ticketId, body.getBytes(StandardCharsets.UTF_8));

    assertEquals(400, r.getStatus());
    assertEquals(field, field(r));
    assertEquals(0, commandsCalled);
  }

  @Test
  void refusesCommentsOnClosedTickets() {
    setStatus(TicketStatus.SOLVED);
    setStatus(TicketStatus.CLOSED);

    Response r = resource.comment(ticketId, "{\"body\": \"hi\", \"author\": \"ana\"}"
        .getBytes(StandardCharsets.UTF_8));

    assertEquals(400, r.getStatus());
    assertTrue(((Problem) r.getEntity()).detail().contains("closed"));
  }

  @Test
  void listsWithFiltersAndRefusesBadParameters() {
    Response ok = resource.list("new", "billing", null, null, null, "10", null);
    Response badStatus = resource.list("reopened", null, null, null, null, null, null);
    Response badLimit = resource.list(null, null, null, null, null, "1000", null);
    Response badCursor = resource.list(null, null, null, null, null, null, "@@");

    assertEquals(List.of(ticketId), ((TicketPage) ok.getEntity()).items().stream().map(Ticket::id).toList());
    assertEquals("status", field(badStatus));
    assertEquals("limit", field(badLimit));
    assertEquals("cursor", field(badCursor));
  }
}
