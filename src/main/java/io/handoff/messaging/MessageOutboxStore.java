package io.handoff.messaging;

import io.handoff.jdbc.Jdbc;
import java.time.Instant;
import javax.sql.DataSource;

/** Rows of {@code outbox_message}, keyed by idempotency key (unique). */
public final class MessageOutboxStore {

  private final Jdbc jdbc;

  public MessageOutboxStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /**
   * Inserts a row for the key; when the key already exists, inserts nothing and returns that row's
   * status. Returns null when the row was inserted now.
   */
  public String insertOrExisting(String key, String conversationId, String channel, String body, String status) {
    String sql = "INSERT INTO outbox_message (idempotency_key, conversation_id, channel, body, status, created_at)"
        + " VALUES (?, ?, ?, ?, ?, ?)";
    boolean inserted = jdbc.insertOnce("Writing outbox_message", sql, ps -> {
      ps.setString(1, key);
      ps.setString(2, conversationId);
      ps.setString(3, channel);
      ps.setString(4, body);
      ps.setString(5, status);
      ps.setObject(6, Jdbc.utc(Instant.now()));
    });
    return inserted ? null : statusOf(key);
  }

  /** Marks a row delivered, with the channel's id for the message. */
  public void markSent(String key, String externalId) {
    jdbc.update("Updating outbox_message",
        "UPDATE outbox_message SET status = 'sent', external_id = ?, sent_at = ? WHERE idempotency_key = ?",
        externalId, Instant.now(), key);
  }

  /** The status of the row with this key, or null. */
  public String statusOf(String key) {
    return jdbc.first("Reading outbox_message", "SELECT status FROM outbox_message WHERE idempotency_key = ?",
        rs -> rs.getString(1), key).orElse(null);
  }

  /** Number of rows for a conversation (tests and the API's "messages sent"). */
  public int countFor(String conversationId) {
    return jdbc.first("Reading outbox_message", "SELECT COUNT(*) FROM outbox_message WHERE conversation_id = ?",
        rs -> rs.getInt(1), conversationId).orElseThrow();
  }
}
