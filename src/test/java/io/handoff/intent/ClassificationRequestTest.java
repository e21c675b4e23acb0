package io.handoff.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.handoff.model.Agent;
import io.handoff.model.Channel;
import io.handoff.model.Customer;
import io.handoff.model.EventType;
import io.handoff.model.JourneyEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassificationRequestTest {
  private static JourneyEvent event(EventType type, String text, Customer customer) {
    return new JourneyEvent("e-" + text, "c1", type, Instant.parse("2026-11-25T10:00:00Z"), null,
        Channel.WHATSAPP, text, null, customer, type == EventType.AGENT_REPLIED ? new Agent("a1", "Bo") : null, null);
  }

  @Test
  void customerTextIsTheCustomersMessagesInOrderWithAgentRepliesAsContext() {
    Customer ana = new Customer("u1", "Ana", null, "pt-BR", "gold", Map.of());
    ClassificationRequest r = ClassificationRequest.fromEvents("c1", List.of(
        event(EventType.CONVERSATION_STARTED, null, ana),
        event(EventType.MESSAGE_RECEIVED, "Oi", null),
        event(EventType.AGENT_REPLIED, "Olá! Como posso ajudar?", null),
        event(EventType.CUSTOMER_REPLIED, "Quero cancelar", null)), List.of("vip"));
    assertEquals("Oi\nQuero cancelar", r.customerText());
    assertEquals(3, r.messages().size());
    assertEquals(ConversationMessage.Author.AGENT, r.messages().get(1).author());
    assertEquals("gold", r.customerTier());
    assertEquals(Channel.WHATSAPP, r.channel());
  }

  @Test
  void requestsAndDecisionsSurviveAJsonRoundTrip() throws Exception {
    ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    ClassificationRequest r = ClassificationRequest.fromEvents("c1",
        List.of(event(EventType.MESSAGE_RECEIVED, "Where is my order?", new Customer("u", "n", null, null, null, Map.of()))), List.of());
    assertEquals(r, json.readValue(json.writeValueAsString(r), ClassificationRequest.class));
    RoutingDecision d = new HandoffPolicyTest().sample();
    assertEquals(d, json.readValue(json.writeValueAsString(d), RoutingDecision.class));
  }
}
