package io.handoff.intent;

/** What happens next in the journey after the AI stage. */
public enum HandoffDecision {
  /** The AI answers; the journey stays in messaging. */
  AI_RESOLVES,
  /** A human takes over: a ticket is created. */
  HANDOFF_TO_HUMAN,
  /** The message is too vague to route; ask the customer a clarifying question. */
  ASK_CLARIFICATION
}
