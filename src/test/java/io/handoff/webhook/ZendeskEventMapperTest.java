package io.handoff.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.ticket.HelpdeskDirectoryLoader;
import io.handoff.ticket.TicketChange;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ZendeskEventMapperTest {

  private final ZendeskEventMapper mapper = new ZendeskEventMapper(HelpdeskDirectoryLoader.load(
      "h.yaml", """
          groups:
            - {id: billing, name: Billing, zendeskId: "360001"}
          agents:
            - {id: ana, name: Ana, email: ana@example.com, groups: [billing], zendeskId: "9001"}
          """).value(), Set.of("76872"));
  private final ObjectMapper json = new ObjectMapper();

  private ZendeskCommand map(String body) throws Exception {
    return mapper.map(json.readTree(body));
  }

  private static String event(String type, String event) {
    return "{\"type\": \"zen:event-type:" + type + "\", \"subject\": \"zen:ticket:5158\","
        + " \"detail\": {\"id\": \"5158\"}, \"event\": " + event + "}";
  }

  @Test
  void mapsAssignmentsThroughZendeskIds() throws Exception {
    assertEquals(new ZendeskCommand.Change("5158", TicketChange.builder().assignee("ana").build()),
        map(event("ticket.agent_assignment_changed", "{\"previous\": null, \"current\": 9001}")));
    assertEquals(new ZendeskCommand.Change("5158", TicketChange.builder().group("billing").build()),
        map(event("ticket.group_assignment_changed", "{\"current\": {\"id\": \"360001\"}}")));
    assertEquals(new ZendeskCommand.Change("5158", TicketChange.builder().assignee("").build()),
        map(event("ticket.agent_assignment_changed", "{\"previous\": \"9001\", \"current\": null}")));
  }

  @Test
  void mapsPriorityAndTagDeltas() throws Exception {
    assertEquals(new ZendeskCommand.Change("5158", TicketChange.builder().priority("urgent").build()),
        map(event("ticket.priority_changed", "{\"current\": \"URGENT\", \"previous\": \"HIGH\"}")));
    assertEquals(new ZendeskCommand.Change("5158", TicketChange.builder().addTag("vip")
            .removeTag("spam").build()),
        map(event("ticket.tags_changed", "{\"tags_added\": [\"vip\"], \"tags_removed\": [\"spam\"]}")));
  }

  @Test
  void ignoresStatusesHandoffDoesNotTrackAndOtherEvents() throws Exception {
    assertInstanceOf(ZendeskCommand.Ignored.class,
        map(event("ticket.status_changed", "{\"current\": \"DELETED\"}")));
    assertInstanceOf(ZendeskCommand.Ignored.class,
        map("{\"type\": \"zen:event-type:user.created\", \"detail\": {\"id\": \"1\"}}"));
  }

  @Test
  void ignoresEchoesOfHandoffsOwnApiWrites() throws Exception {
    String echo = "{\"type\": \"zen:event-type:ticket.status_changed\", \"detail\": {\"id\": \"5158\","
        + " \"actor_id\": \"76872\"}, \"event\": {\"current\": \"OPEN\"}}";
    String byAgent = echo.replace("76872", "9001");

    assertInstanceOf(ZendeskCommand.Ignored.class, map(echo));
    assertInstanceOf(ZendeskCommand.Change.class, map(byAgent));
  }

  @Test
  void mapsHandoffsTriggerWebhookShape() throws Exception {
    String body = """
        {"type": "ticket.updated",
         "ticket": {"id": "5158", "status": "Pending", "priority": "High", "group_id": "360001",
                    "assignee_id": "", "tags": "login vip"}}""";

    assertEquals(new ZendeskCommand.Change("5158", TicketChange.builder().status("pending")
            .priority("high").group("billing").assignee("").setTags(Set.of("login", "vip")).build()),
        map(body));
  }
}
