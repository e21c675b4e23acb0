package io.handoff.ticket;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The helpdesk's groups and agents, loaded from {@code workflows/helpdesk.yaml} by
 * {@link HelpdeskDirectoryLoader}. Tickets refer to groups and agents by their ids here; the optional
 * Zendesk ids map them onto a Zendesk account.
 */
public record HelpdeskDirectory(List<Group> groups, List<AgentEntry> agents, Account account) {

  /**
   * The helpdesk account: its name ({@code {{ticket.account}}}) and the URL of a ticket, {@code {id}}
   * standing for the ticket id ({@code {{ticket.url}}}, {@code {{ticket.link}}}); either may be null.
   */
  public record Account(String name, String ticketUrl) {
    public static final Account NONE = new Account(null, null);

    /** The ticket's URL, or null when no {@code ticketUrl} is configured. */
    public String ticketUrl(String ticketId) {
      return ticketUrl == null || ticketId == null ? null : ticketUrl.replace("{id}", ticketId);
    }
  }

  public HelpdeskDirectory(List<Group> groups, List<AgentEntry> agents) {
    this(groups, agents, Account.NONE);
  }

  /** Online status of an agent or group, as in Zendesk messaging (Online, Away, Invisible/Offline). */
  public enum OnlineStatus { ONLINE, AWAY, OFFLINE }

  /** A group of agents that tickets are routed to. */
  public record Group(String id, String name, String zendeskId) {}

  /** An agent, the groups they belong to and their online status when Handoff starts. */
  public record AgentEntry(
      String id, String name, String email, Set<String> groups, OnlineStatus status,
      String zendeskId) {
    public AgentEntry {
      groups = Set.copyOf(groups);
    }
  }

  public HelpdeskDirectory {
    account = account == null ? Account.NONE : account;
    groups = List.copyOf(groups);
    agents = List.copyOf(agents);
  }

  /** An empty directory: every group or assignee is unknown. */
  public static HelpdeskDirectory empty() {
    return new HelpdeskDirectory(List.of(), List.of());
  }

  public Optional<Group> group(String id) {
    return groups.stream().filter(g -> g.id().equals(id)).findFirst();
  }

  public Optional<AgentEntry> agent(String id) {
    return agents.stream().filter(a -> a.id().equals(id)).findFirst();
  }

  /** True when the agent exists and is a member of the group. */
  public boolean isMember(String agentId, String groupId) {
    return agent(agentId).map(a -> a.groups().contains(groupId)).orElse(false);
  }

  /** The group with this Zendesk id, for mapping inbound Zendesk events. */
  public Optional<Group> groupByZendeskId(String zendeskId) {
    return groups.stream().filter(g -> zendeskId != null && zendeskId.equals(g.zendeskId()))
        .findFirst();
  }

  /** The agent with this Zendesk user id, for mapping inbound Zendesk events. */
  public Optional<AgentEntry> agentByZendeskId(String zendeskId) {
    return agents.stream().filter(a -> zendeskId != null && zendeskId.equals(a.zendeskId()))
        .findFirst();
  }

  /** The online status of a group: online when any member is, else away when any is, else offline. */
  public OnlineStatus groupStatus(String groupId) {
    OnlineStatus best = OnlineStatus.OFFLINE;
    for (AgentEntry a : agents) {
      if (a.groups().contains(groupId) && a.status().ordinal() < best.ordinal()) {
        best = a.status();
      }
    }
    return best;
  }

  /** Group ids to names, in file order (for error messages and the API). */
  public Map<String, String> groupNames() {
    Map<String, String> names = new LinkedHashMap<>();
    groups.forEach(g -> names.put(g.id(), g.name()));
    return names;
  }
}
