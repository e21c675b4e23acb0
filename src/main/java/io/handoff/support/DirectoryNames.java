package io.handoff.support;

import io.handoff.ticket.HelpdeskDirectory;
import java.util.HashMap;
import java.util.Map;

/**
 * Display names of the helpdesk's groups and agents by id ({@code helpdesk.yaml}), for the placeholders
 * {@code {{ticket.group.name}}} and {@code {{ticket.assignee.name}}}. An id the directory does not know
 * (or {@link #IDS}, where no directory is at hand) renders as itself.
 */
public record DirectoryNames(Map<String, String> groups, Map<String, String> agents,
    Map<String, String> agentEmails, HelpdeskDirectory.Account account) {
  public static final DirectoryNames IDS = new DirectoryNames(Map.of(), Map.of());

  public DirectoryNames {
    groups = Map.copyOf(groups);
    agents = Map.copyOf(agents);
    agentEmails = Map.copyOf(agentEmails);
    account = account == null ? HelpdeskDirectory.Account.NONE : account;
  }

  public DirectoryNames(Map<String, String> groups, Map<String, String> agents) {
    this(groups, agents, Map.of(), HelpdeskDirectory.Account.NONE);
  }

  public static DirectoryNames of(HelpdeskDirectory directory) {
    Map<String, String> agents = new HashMap<>();
    Map<String, String> emails = new HashMap<>();
    directory.agents().forEach(a -> {
      agents.put(a.id(), a.name());
      if (a.email() != null) {
        emails.put(a.id(), a.email());
      }
    });
    return new DirectoryNames(directory.groupNames(), agents, emails, directory.account());
  }

  /** An agent's e-mail address ({@code {{ticket.assignee.email}}}); an unknown id renders as itself. */
  public String agentEmail(String id) {
    return id == null ? null : agentEmails.getOrDefault(id, id.contains("@") ? id : "");
  }

  public String group(String id) {
    return id == null ? null : groups.getOrDefault(id, id);
  }

  public String agent(String id) {
    return id == null ? null : agents.getOrDefault(id, id);
  }
}
