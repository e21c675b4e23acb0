package io.handoff.ticket;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.handoff.ticket.TicketComment.AuthorRole;

/**
 * A comment to add to a ticket: a public reply (the requester sees it) or a private internal note.
 * On the wire the flag is {@code "public"}.
 */
public record NewComment(
    String body,
    @JsonProperty("public") boolean isPublic,
    String authorId,
    String authorName,
    AuthorRole authorRole) {

  /** A public reply by an agent. */
  public static NewComment publicReply(String body, String agentId, String agentName) {
    return new NewComment(body, true, agentId, agentName, AuthorRole.AGENT);
  }

  /** A private note by an agent. */
  public static NewComment internalNote(String body, String agentId, String agentName) {
    return new NewComment(body, false, agentId, agentName, AuthorRole.AGENT);
  }
}
