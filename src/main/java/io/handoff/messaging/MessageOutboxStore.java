package io.handoff.messaging;

import io.handoff.trigger.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/** Rows of {@code outbox_message}, keyed by idempotency key (unique). */
public final class MessageOutboxStore {

  private final DataSource dataSource;

  public MessageOutboxStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Inserts a row for the key; when the key already exists, inserts nothing and returns that row's
   * status. Returns null when the row was inserted now.
   */
  public String insertOrExisting(String key, String conversationId, String channel, String body, String status) {
    String sql = "INSERT INTO outbox_message (idempotency_key, conversation_id, channel, body, status, created_at)"
        + " VALUES (?, ?, ?, ?, ?, ?)";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, key);
      ps.setString(2, conversationId);
      ps.setString(3, channel);
      ps.setString(4, body);
      ps.setString(5, status);
      ps.setTimestamp(6, Timestamp.from(Instant.now()));
      ps.executeUpdate();
      return null;
    } catch (SQLException e) {
      if (Jdbc.isUniqueViolation(e)) {
        return statusOf(key);
      }
      throw new IllegalStateException("cannot write outbox_message", e);
    }
  }

  /** Marks a row delivered, with the channel's id for the message. */
  public void markSent(String key, String externalId) {
    String sql = "UPDATE outbox_message SET status = 'sent', external_id = ?, sent_at = ? WHERE idempotency_key = ?";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, externalId);
      ps.setTimestamp(2, Timestamp.from(Instant.now()));
      ps.setString(3, key);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot update outbox_message", e);
    }
  }

  /** The status of the row with this key, or null. */
  public String statusOf(String key) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT status FROM outbox_message WHERE idempotency_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read outbox_message", e);
    }
  }

  /** Number of rows for a conversation (tests and the API's "messages sent"). */
  public int countFor(String conversationId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox_message WHERE conversation_id = ?")) {
      ps.setString(1, conversationId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read outbox_message", e);
    }
  }
}
