package io.handoff.support;

import io.handoff.jdbc.Jdbc;
import java.time.Instant;
import javax.sql.DataSource;

/** Rows of {@code outbox_notification}, keyed by idempotency key (unique). */
public final class NotificationOutboxStore {

  private final Jdbc jdbc;

  public NotificationOutboxStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /** Inserts the notification; returns null when inserted now, else the existing row's status. */
  public String insertOrExisting(Notification n, String status) {
    String sql = "INSERT INTO outbox_notification (idempotency_key, kind, trigger_title, recipient_type,"
        + " recipient, subject, body, endpoint, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    boolean inserted = jdbc.insertOnce("Writing outbox_notification", sql, ps -> {
      ps.setString(1, n.idempotencyKey());
      ps.setString(2, n.kind().name());
      ps.setString(3, n.trigger());
      ps.setString(4, n.recipientType());
      ps.setString(5, n.recipient());
      ps.setString(6, n.subject());
      ps.setString(7, n.body());
      ps.setString(8, n.endpoint());
      ps.setString(9, status);
      ps.setObject(10, Jdbc.utc(Instant.now()));
    });
    return inserted ? null : statusOf(n.idempotencyKey());
  }

  public void markSent(String key) {
    jdbc.update("Updating outbox_notification",
        "UPDATE outbox_notification SET status = 'sent', sent_at = ? WHERE idempotency_key = ?", Instant.now(), key);
  }

  public String statusOf(String key) {
    return jdbc.first("Reading outbox_notification",
        "SELECT status FROM outbox_notification WHERE idempotency_key = ?", rs -> rs.getString(1), key).orElse(null);
  }

  /** Number of rows (tests). */
  public int count() {
    return jdbc.first("Reading outbox_notification", "SELECT COUNT(*) FROM outbox_notification",
        rs -> rs.getInt(1)).orElseThrow();
  }
}
