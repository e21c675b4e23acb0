package io.handoff.support;

import io.handoff.ticket.TicketComment.AuthorRole;

/** Who made the update (Zendesk's "current user"). */
public record Actor(String id, String name, AuthorRole role) {

  /** Zendesk's {@code role} condition value: end_user, agent or system. */
  public String roleName() {
    return role == null ? null : role.name().toLowerCase(java.util.Locale.ROOT);
  }
}
