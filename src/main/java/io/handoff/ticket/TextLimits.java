package io.handoff.ticket;

import io.handoff.problem.FieldError;

/**
 * The longest text accepted on every entry point (event messages and replies over REST and webhooks,
 * ticket comments): {@link #MAX_TEXT} characters.
 */
public final class TextLimits {
  /** The longest message, reply or comment text accepted, in characters. */
  public static final int MAX_TEXT = 20_000;

  private TextLimits() {}

  /** A text over {@link #MAX_TEXT} characters, as an error on {@code field}; null when it fits. */
  public static FieldError text(String field, String text) {
    return text != null && text.length() > MAX_TEXT
        ? new FieldError(field, "must be at most " + MAX_TEXT + " characters (has " + text.length() + ")") : null;
  }
}
