package io.handoff.support;

import io.handoff.ticket.HelpdeskDirectory;
import java.util.List;

/** Resolves an e-mail notification's recipient to addresses: an address as is, an agent, or a group's agents. */
public final class EmailRecipients {
  private EmailRecipients() {}

  public static List<String> resolve(Notification n, HelpdeskDirectory directory) {
    String r = n.recipient();
    if (r == null || r.isBlank()) {
      return List.of();
    }
    if (r.contains("@")) {
      return List.of(r);
    }
    List<String> agent = directory.agents().stream().filter(a -> a.id().equals(r) && a.email() != null)
        .map(HelpdeskDirectory.AgentEntry::email).toList();
    if (!agent.isEmpty()) {
      return agent;
    }
    return directory.agents().stream().filter(a -> a.groups().contains(r) && a.email() != null)
        .map(HelpdeskDirectory.AgentEntry::email).toList();
  }
}
