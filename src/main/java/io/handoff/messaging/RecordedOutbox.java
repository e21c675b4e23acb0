package io.handoff.messaging;

/**
 * The embedded default channel: messages are recorded in {@code outbox_message} (status
 * {@code recorded}) and visible through the API; nothing leaves the process. A repeated key is a no-op.
 */
public final class RecordedOutbox implements MessagingChannelClient {

  private final MessageOutboxStore store;

  public RecordedOutbox(MessageOutboxStore store) {
    this.store = store;
  }

  @Override
  public SendResult send(String conversationId, String text, String idempotencyKey) {
    String existing = store.insertOrExisting(idempotencyKey, conversationId, "outbox", text, "recorded");
    return new SendResult(idempotencyKey, existing != null, null);
  }
}
