package io.handoff.ticket;

import java.time.Instant;

/** A ticket comment: public (visible to the requester) or private (an internal note). */
public record TicketComment(
    long id, String body, boolean isPublic, String authorId, String authorName, AuthorRole authorRole,
    Instant createdAt) {

  /** Who wrote a comment; SLA metrics count only public agent comments as replies. */
  public enum AuthorRole { AGENT, END_USER, SYSTEM }
}
