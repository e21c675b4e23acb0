package io.handoff.messaging;

import java.util.List;

/**
 * One parsed messaging action.
 *
 * @param text message text (send_message, optional prompt for request_email)
 * @param seconds wait length (wait)
 * @param tags tags (add_tags, remove_tags), lower case
 * @param flag value of set_triggered
 */
public record MessagingAction(
    MessagingActionType type, String text, long seconds, List<String> tags, boolean flag, int line) {

  public MessagingAction {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
