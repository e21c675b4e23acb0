package io.handoff.ticket;

import static io.handoff.ticket.TicketFixtures.ticket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class CustomerReplyEffectTest {

  @ParameterizedTest
  @EnumSource(value = TicketStatus.class, names = {"PENDING", "HOLD", "SOLVED"})
  void aReplyReopensPendingOnHoldAndSolvedTickets(TicketStatus status) {
    CustomerReplyEffect effect = CustomerReplyEffect.of(ticket(status, "billing", "ana"), "still broken");

    assertEquals(TicketChange.status(TicketStatus.OPEN), effect.change());
    assertNull(effect.followUp());
  }

  @ParameterizedTest
  @EnumSource(value = TicketStatus.class, names = {"NEW", "OPEN"})
  void aReplyLeavesNewAndOpenTicketsAlone(TicketStatus status) {
    assertTrue(CustomerReplyEffect.of(ticket(status, null, null), "hello").nothing());
  }

  @Test
  void aReplyOnAClosedTicketStartsALinkedFollowUp() {
    CustomerReplyEffect effect = CustomerReplyEffect.of(ticket(TicketStatus.CLOSED, "billing", "ana"),
        "charged again");

    TicketDraft d = effect.followUp();
    assertNull(effect.change());
    assertEquals("charged again", d.description());
    assertEquals("billing", d.group());
    assertEquals("normal", d.priority());
    assertEquals(Set.of("vip", "follow_up"), d.tags());
    assertEquals(Map.of("follow_up_of", "42"), d.customFields());
    assertEquals("closed_ticket", d.via());
    assertEquals("conv-1", d.conversationId());
    assertTrue(new TicketChangeValidator(TicketFixtures.directory()).validateDraft(d).isEmpty());
  }
}
