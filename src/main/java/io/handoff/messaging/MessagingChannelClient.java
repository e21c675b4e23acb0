package io.handoff.messaging;

/**
 * Sends a message to a conversation. Implementations are idempotent per key: sending twice with the
 * same key delivers once.
 */
public interface MessagingChannelClient {

  /**
   * Sends {@code text} to the conversation.
   *
   * @param idempotencyKey from {@link MessagingEffect#idempotencyKey()}; a repeat is not re-sent
   * @throws ChannelException when the channel refuses or fails; {@link ChannelException#retryable()}
   *     says whether trying again can help
   */
  SendResult send(String conversationId, String text, String idempotencyKey);

  /** The outcome of a send: the key, whether it was a repeat, and the channel's message id if any. */
  record SendResult(String idempotencyKey, boolean duplicate, String externalId) {}

  /** A failed delivery. 429, 5xx and timeouts are retryable; other 4xx are not. */
  final class ChannelException extends RuntimeException {
    private final boolean retryable;

    public ChannelException(String message, boolean retryable, Throwable cause) {
      super(message, cause);
      this.retryable = retryable;
    }

    public boolean retryable() {
      return retryable;
    }
  }
}
