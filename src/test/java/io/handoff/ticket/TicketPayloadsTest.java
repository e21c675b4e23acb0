package io.handoff.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ticket types travel through Temporal's default JSON converter unchanged. */
class TicketPayloadsTest {

  private final DataConverter converter = DefaultDataConverter.STANDARD_INSTANCE;

  private <T> T roundTrip(T value, Class<T> type) {
    return converter.fromPayload(converter.toPayload(value).orElseThrow(), type, type);
  }

  @Test
  void ticketsChangesAndCommentsSurviveTheDataConverter() {
    TicketComment comment = new TicketComment(7, "hi", false, "ana", "Ana",
        TicketComment.AuthorRole.AGENT, TicketFixtures.T0);
    Ticket ticket = new Ticket("42", "conv-1", "s", "d", TicketStatus.OPEN, TicketPriority.HIGH,
        "incident", "billing", "ana", "c1", "Jo", "jo@example.com", "org", Set.of("a"),
        Map.of("k", "v"), List.of(comment), "web_widget", TicketFixtures.T0, TicketFixtures.T0);
    TicketChange change = TicketChange.builder().status("open").addTag("x").removeTag("y")
        .setTags(Set.of("z")).customField("k", "").build();
    NewComment newComment = NewComment.internalNote("note", "ana", "Ana");

    assertEquals(ticket, roundTrip(ticket, Ticket.class));
    assertEquals(change, roundTrip(change, TicketChange.class));
    assertEquals(newComment, roundTrip(newComment, NewComment.class));
    assertEquals(TicketFixtures.draft("c"), roundTrip(TicketFixtures.draft("c"), TicketDraft.class));
  }
}
