package io.handoff.ticket.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handoff.ticket.HelpdeskDirectory;
import io.handoff.ticket.HelpdeskDirectoryLoader;
import io.handoff.ticket.HelpdeskException;
import io.handoff.ticket.NewComment;
import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketChange;
import io.handoff.ticket.TicketChangeValidator;
import io.handoff.ticket.TicketComment;
import io.handoff.ticket.TicketComment.AuthorRole;
import io.handoff.ticket.TicketDraft;
import io.handoff.ticket.TicketFilter;
import io.handoff.ticket.TicketNotFoundException;
import io.handoff.ticket.TicketPage;
import io.handoff.ticket.TicketPriority;
import io.handoff.ticket.TicketRefusedException;
import io.handoff.ticket.TicketStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Behaviour of the built-in helpdesk, run against each database by a subclass. */
abstract class BuiltInHelpdeskContract {

  static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  private DataSource dataSource;
  private BuiltInHelpdesk helpdesk;

  abstract DataSource newDatabase() throws SQLException;

  /** Releases the database after a test (PostgreSQL schemas are dropped). */
  void dropDatabase(DataSource ds) throws SQLException {}

  @AfterEach
  void tearDown() throws SQLException {
    dropDatabase(dataSource);
  }

  @BeforeEach
  void setUp() throws SQLException {
    dataSource = newDatabase();
    HelpdeskDirectory dir = HelpdeskDirectoryLoader.load("h.yaml", """
        groups:
          - {id: billing, name: Billing}
          - {id: technical, name: Technical}
        agents:
          - {id: ana, name: Ana, email: ana@example.com, groups: [billing]}
        """).value();
    helpdesk = new BuiltInHelpdesk(dataSource, new TicketChangeValidator(dir),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static TicketDraft draft(String conversationId) {
    return new TicketDraft("Refund please", "I was charged twice", "cust-1", "Jo Doe",
        "jo@example.com", "high", "billing", Set.of("refund", "handoff"), "web_widget",
        Map.of("intent", "refund"), conversationId);
  }

  @Test
  void createsANewTicketWithItsDescriptionAsFirstPublicComment() {
    Ticket t = helpdesk.create(draft("conv-1"), "journey-conv-1/create-ticket");

    assertEquals(TicketStatus.NEW, t.status());
    assertEquals(TicketPriority.HIGH, t.priority());
    assertEquals("billing", t.group());
    assertEquals("conv-1", t.externalId());
    assertEquals(Set.of("refund", "handoff"), t.tags());
    assertEquals(Map.of("intent", "refund"), t.customFields());
    assertEquals(NOW, t.createdAt());
    assertEquals(1, t.comments().size());
    TicketComment first = t.comments().get(0);
    assertEquals("I was charged twice", first.body());
    assertTrue(first.isPublic());
    assertEquals(AuthorRole.END_USER, first.authorRole());
  }

  @Test
  void sameKeyReturnsTheSameTicketAndNeverASecond() throws SQLException {
    Ticket first = helpdesk.create(draft("conv-1"), "k-create");
    Ticket again = helpdesk.create(draft("conv-1"), "k-create");

    assertEquals(first.id(), again.id());
    assertEquals(1, count("tickets"));
    assertEquals(1, count("ticket_comments"));
  }

  @Test
  @Timeout(20)
  void concurrentCreatesWithOneKeyMakeOneTicket() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Ticket>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(() -> helpdesk.create(draft("conv-2"), "k-race"));
      }
      Set<String> ids = new java.util.HashSet<>();
      for (Future<Ticket> f : pool.invokeAll(calls)) {
        ids.add(f.get().id());
      }
      assertEquals(1, ids.size());
      assertEquals(1, count("tickets"));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void updatesFieldsAndReplaysAUsedKeyWithoutApplyingAgain() {
    Ticket t = helpdesk.create(draft("conv-1"), "k1");

    Ticket updated = helpdesk.update(t.id(), TicketChange.builder().status("open").assignee("ana")
        .addTag("vip").customField("intent", "").build(), "k2");
    helpdesk.update(t.id(), TicketChange.builder().removeTag("vip").build(), "k3");
    Ticket replay = helpdesk.update(t.id(), TicketChange.builder().status("open").assignee("ana")
        .addTag("vip").build(), "k2");

    assertEquals(TicketStatus.OPEN, updated.status());
    assertEquals("ana", updated.assignee());
    assertEquals(Set.of("refund", "handoff", "vip"), updated.tags());
    assertEquals(Map.of(), updated.customFields());
    // The replay returns the ticket as that write left it (recorded with its key), and applies nothing.
    assertEquals(Set.of("refund", "handoff", "vip"), replay.tags());
    assertEquals(Set.of("refund", "handoff"), helpdesk.find(t.id()).orElseThrow().tags());
  }

  @Test
  void refusedChangeChangesNothing() {
    Ticket t = helpdesk.create(draft("conv-1"), "k1");
    helpdesk.update(t.id(), TicketChange.status(TicketStatus.SOLVED), "k2");
    helpdesk.update(t.id(), TicketChange.status(TicketStatus.CLOSED), "k3");

    TicketRefusedException e = assertThrows(TicketRefusedException.class,
        () -> helpdesk.update(t.id(), TicketChange.builder().status("open").addTag("x").build(), "k4"));

    assertEquals(List.of("status", "tags"), e.errors().stream().map(f -> f.field()).toList());
    Ticket after = helpdesk.find(t.id()).orElseThrow();
    assertEquals(TicketStatus.CLOSED, after.status());
    assertEquals(Set.of("refund", "handoff"), after.tags());
    // The refused key was not consumed: nothing was written.
    assertThrows(TicketRefusedException.class,
        () -> helpdesk.update(t.id(), TicketChange.builder().status("open").build(), "k4"));
  }

  @Test
  void refusesAnAssigneeOutsideTheGroup() {
    Ticket t = helpdesk.create(draft("conv-1"), "k1");

    TicketRefusedException e = assertThrows(TicketRefusedException.class, () -> helpdesk.update(
        t.id(), TicketChange.builder().group("technical").assignee("ana").build(), "k2"));

    assertEquals("assignee", e.errors().get(0).field());
    Ticket after = helpdesk.find(t.id()).orElseThrow();
    assertEquals("billing", after.group());
    assertNull(after.assignee());
  }

  @Test
  void commentsAreIdempotentAndTouchTheTicket() throws SQLException {
    Ticket t = helpdesk.create(draft("conv-1"), "k1");

    TicketComment c1 = helpdesk.addComment(t.id(), NewComment.internalNote("checking", "ana", "Ana"), "c1");
    TicketComment again = helpdesk.addComment(t.id(), NewComment.internalNote("checking", "ana", "Ana"), "c1");

    assertEquals(c1, again);
    assertEquals(false, c1.isPublic());
    assertEquals(AuthorRole.AGENT, c1.authorRole());
    assertEquals(2, count("ticket_comments"));
    assertEquals(List.of("I was charged twice", "checking"),
        helpdesk.find(t.id()).orElseThrow().comments().stream().map(TicketComment::body).toList());
  }

  @Test
  void aKeyUsedForAnotherOperationIsAConflict() {
    Ticket t = helpdesk.create(draft("conv-1"), "k1");

    HelpdeskException e = assertThrows(HelpdeskException.class,
        () -> helpdesk.update(t.id(), TicketChange.status(TicketStatus.OPEN), "k1"));

    assertEquals(HelpdeskException.Kind.IDEMPOTENCY_CONFLICT, e.kind());
  }

  @Test
  void unknownTicketsAreNotFound() {
    assertTrue(helpdesk.find("999").isEmpty());
    assertTrue(helpdesk.find("not-a-number").isEmpty());
    assertThrows(TicketNotFoundException.class,
        () -> helpdesk.update("999", TicketChange.status(TicketStatus.OPEN), "k"));
    assertThrows(TicketNotFoundException.class,
        () -> helpdesk.addComment("999", NewComment.publicReply("hi", "ana", "Ana"), "k"));
  }

  @Test
  void listsWithFiltersAndCursorNewestFirst() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(helpdesk.create(draft("conv-" + i), "create-" + i).id());
    }
    helpdesk.update(ids.get(1), TicketChange.builder().status("open").assignee("ana").build(), "u1");

    TicketPage page1 = helpdesk.list(TicketFilter.none(), 2, null);
    TicketPage page2 = helpdesk.list(TicketFilter.none(), 2, page1.nextCursor());
    TicketPage page3 = helpdesk.list(TicketFilter.none(), 2, page2.nextCursor());
    TicketPage open = helpdesk.list(new TicketFilter(TicketStatus.OPEN, "billing", "ana", null, null), 10, null);

    assertEquals(List.of(ids.get(4), ids.get(3)), page1.items().stream().map(Ticket::id).toList());
    assertEquals(List.of(ids.get(2), ids.get(1)), page2.items().stream().map(Ticket::id).toList());
    assertEquals(List.of(ids.get(0)), page3.items().stream().map(Ticket::id).toList());
    assertNull(page3.nextCursor());
    assertEquals(List.of(ids.get(1)), open.items().stream().map(Ticket::id).toList());
    assertThrows(IllegalArgumentException.class, () -> helpdesk.list(TicketFilter.none(), 2, "%%"));
  }

  private long count(String table) throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
