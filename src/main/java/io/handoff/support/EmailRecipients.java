package io.handoff.support;

import io.handoff.ticket.HelpdeskDirectory;
import java.util.List;
import java.util.Set;

/**
 * Resolves an e-mail notification's recipient to addresses: an address as is, an agent, a group's
 * agents, or every agent of {@code helpdesk.yaml} ({@code all_agents}).
 */
public final class EmailRecipients {
  /**
   * The ticket roles an e-mail action may name instead of an agent or an address: Zendesk's
   * {@code notification_user} recipients ({@code requester_and_ccs} e-mails the requester, Handoff tickets
   * having no CCs; {@code all_agents} is every agent of {@code helpdesk.yaml}).
   */
  public static final Set<String> ROLES =
      Set.of("requester_id", "requester_and_ccs", "assignee_id", "current_user", "all_agents");

  private EmailRecipients() {}

  public static List<String> resolve(Notification n, HelpdeskDirectory directory) {
    String r = n.recipient();
    if (r == null || r.isBlank()) {
      return List.of();
    }
    if ("all_agents".equals(n.recipientType())) {
      return directory.agents().stream().map(HelpdeskDirectory.AgentEntry::email).filter(e -> e != null).toList();
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
