package io.handoff.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handoff.ticket.HelpdeskDirectory.OnlineStatus;
import io.handoff.yaml.RuleFileError;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class HelpdeskDirectoryLoaderTest {

  @Test
  void loadsTheRealHelpdeskFile() {
    io.handoff.yaml.Loaded<io.handoff.ticket.HelpdeskDirectory> r = HelpdeskDirectoryLoader.load(Path.of("workflows/helpdesk.yaml"));

    assertTrue(r.ok(), r.errors().toString());
    assertTrue(r.value().group("billing").isPresent());
    assertTrue(r.value().isMember("ana.souza", "billing"));
  }

  @Test
  void defaultsStatusToOfflineAndComputesGroupStatus() {
    HelpdeskDirectory d = TicketFixtures.directory();

    assertEquals(OnlineStatus.OFFLINE, d.agent("ben").orElseThrow().status());
    assertEquals(OnlineStatus.ONLINE, d.groupStatus("billing"));
    assertEquals(OnlineStatus.OFFLINE, d.groupStatus("technical"));
    assertEquals("ana", d.agentByZendeskId("9001").orElseThrow().id());
  }

  @Test
  void reportsEveryErrorWithItsLine() {
    String yaml = """
        groups:
          - id: billing
            name: Billing
          - id: billing
            name: Again
          - id: Bad Id
            name: X
        agents:
          - id: ana
            name: Ana
            email: not-an-email
            groups: [billing, sales]
            status: busy
          - id: ben
            email: ben@example.com
            groups: [billing]
            colour: blue
        """;

    io.handoff.yaml.Loaded<io.handoff.ticket.HelpdeskDirectory> r = HelpdeskDirectoryLoader.load("helpdesk.yaml", yaml);

    assertFalse(r.ok());
    assertNull(r.value());
    assertEquals(List.of(
        "helpdesk.yaml:4: duplicate group id 'billing'",
        "helpdesk.yaml:6: group id 'Bad Id' must be lower-case letters, digits, '.', '_' or '-'",
        "helpdesk.yaml:11: agent \"ana\": invalid e-mail address 'not-an-email'",
        "helpdesk.yaml:12: agent \"ana\": unknown group 'sales' (known: billing)",
        "helpdesk.yaml:13: agent \"ana\": status must be online, away or offline, not 'busy'",
        "helpdesk.yaml:17: unknown key \"colour\" in agent (allowed: email, groups, id, name, status, zendeskId)",
        "helpdesk.yaml:14: agent: 'name' is required"),
        r.errors().stream().map(RuleFileError::toString).toList());
  }

  @Test
  void reportsInvalidYamlWithItsLine() {
    io.handoff.yaml.Loaded<io.handoff.ticket.HelpdeskDirectory> r = HelpdeskDirectoryLoader.load("h.yaml", "groups:\n  - id: [x\n");

    assertFalse(r.ok());
    assertTrue(r.errors().get(0).toString().startsWith("h.yaml:"), r.errors().toString());
  }

  @Test
  void requiresGroups() {
    io.handoff.yaml.Loaded<io.handoff.ticket.HelpdeskDirectory> r = HelpdeskDirectoryLoader.load("h.yaml", "agents: []\n");

    assertEquals("h.yaml:1: 'groups' is required: list at least one group",
        r.errors().get(0).toString());
  }

  @Test
  void readsTheOptionalAccountForTicketLinksAndRefusesANonUrl() {
    String yaml = """
        account:
          name: Northwind
          ticketUrl: https://help.northwind.example/tickets/{id}
        groups:
          - id: billing
            name: Billing
        """;
    io.handoff.yaml.Loaded<io.handoff.ticket.HelpdeskDirectory> r = HelpdeskDirectoryLoader.load("h.yaml", yaml);
    assertTrue(r.ok(), r.errors().toString());
    assertEquals("Northwind", r.value().account().name());
    assertEquals("https://help.northwind.example/tickets/42", r.value().account().ticketUrl("42"));
    assertEquals(null, HelpdeskDirectoryLoader.load("h.yaml", "groups:\n  - id: b\n    name: B\n").value()
        .account().ticketUrl("42"));
    io.handoff.yaml.Loaded<io.handoff.ticket.HelpdeskDirectory> bad = HelpdeskDirectoryLoader.load("h.yaml", yaml.replace("https://", "ftp://"));
    assertFalse(bad.ok());
    assertEquals("h.yaml:3: account ticketUrl must be an http(s) URL (with {id} for the ticket id)",
        bad.errors().get(0).toString());
  }
}
