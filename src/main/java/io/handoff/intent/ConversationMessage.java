package io.handoff.intent;

import java.time.Instant;

/** One message of the conversation so far, as the classifier sees it. */
public record ConversationMessage(String text, Author author, Instant at) {

  /** Who wrote the message; only customer text is classified, the rest is context. */
  public enum Author { CUSTOMER, AGENT, BOT }

  public static ConversationMessage fromCustomer(String text, Instant at) {
    return new ConversationMessage(text, Author.CUSTOMER, at);
  }
}
