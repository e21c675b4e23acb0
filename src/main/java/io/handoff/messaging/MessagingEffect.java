package io.handoff.messaging;

import java.util.List;

/**
 * One step the workflow executes, in order: send a message, wait (a durable timer), request the
 * e-mail address, set the triggered flag, change tags, suspend the user.
 *
 * @param seconds wait length, for WAIT
 * @param idempotencyKey input key + trigger + action index, for SEND_MESSAGE and REQUEST_EMAIL
 */
public record MessagingEffect(
    MessagingActionType kind,
    String trigger,
    int actionIndex,
    String text,
    long seconds,
    List<String> tags,
    Boolean triggered,
    String idempotencyKey) {

  public MessagingEffect {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
