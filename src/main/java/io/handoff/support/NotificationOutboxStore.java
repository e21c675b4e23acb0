package io.handoff.support;

import io.handoff.trigger.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/** Rows of {@code outbox_notification}, keyed by idempotency key (unique). */
public final class NotificationOutboxStore {

  private final DataSource dataSource;

  public NotificationOutboxStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Inserts the notification; returns null when inserted now, else the existing row's status. */
  public String insertOrExisting(Notification n, String status) {
    String sql = "INSERT INTO outbox_notification (idempotency_key, kind, trigger_title, recipient_type,"
        + " recipient, subject, body, endpoint, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, n.idempotencyKey());
      ps.setString(2, n.kind().name());
      ps.setString(3, n.trigger());
      ps.setString(4, n.recipientType());
      ps.setString(5, n.recipient());
      ps.setString(6, n.subject());
      ps.setString(7, n.body());
      ps.setString(8, n.endpoint());
      ps.setString(9, status);
      ps.setTimestamp(10, Timestamp.from(Instant.now()));
      ps.executeUpdate();
      return null;
    } catch (SQLException e) {
      if (Jdbc.isUniqueViolation(e)) {
        return statusOf(n.idempotencyKey());
      }
      throw new IllegalStateException("cannot write outbox_notification", e);
    }
  }

  public void markSent(String key) {
    String sql = "UPDATE outbox_notification SET status = 'sent', sent_at = ? WHERE idempotency_key = ?";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setTimestamp(1, Timestamp.from(Instant.now()));
      ps.setString(2, key);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot update outbox_notification", e);
    }
  }

  public String statusOf(String key) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps =
        c.prepareStatement("SELECT status FROM outbox_notification WHERE idempotency_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read outbox_notification", e);
    }
  }

  /** Number of rows (tests). */
  public int count() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox_notification");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read outbox_notification", e);
    }
  }
}
