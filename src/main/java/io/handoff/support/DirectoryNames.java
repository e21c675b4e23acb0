package io.handoff.support;

import io.handoff.ticket.HelpdeskDirectory;
import java.util.HashMap;
import java.util.Map;

/**
 * Display names of the helpdesk's groups and agents by id ({@code helpdesk.yaml}), for the placeholders
 * {@code {{ticket.group.name}}} and {@code {{ticket.assignee.name}}}. An id the directory does not know
 * (or {@link #IDS}, where no directory is at hand) renders as itself.
 */
public record DirectoryNames(Map<String, String> groups, Map<String, String> agents) {
  public static final DirectoryNames IDS = new DirectoryNames(Map.of(), Map.of());

  public DirectoryNames {
    groups = Map.copyOf(groups);
    agents = Map.copyOf(agents);
  }

  public static DirectoryNames of(HelpdeskDirectory directory) {
    Map<String, String> agents = new HashMap<>();
    directory.agents().forEach(a -> agents.put(a.id(), a.name()));
    return new DirectoryNames(directory.groupNames(), agents);
  }

  public String group(String id) {
    return id == null ? null : groups.getOrDefault(id, id);
  }

  public String agent(String id) {
    return id == null ? null : agents.getOrDefault(id, id);
  }
}
