package io.handoff.ticket.builtin;

import io.handoff.ticket.NewComment;
import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketComment;
import io.handoff.ticket.TicketComment.AuthorRole;
import io.handoff.ticket.TicketDraft;
import io.handoff.ticket.TicketPriority;
import io.handoff.ticket.TicketStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Row-level JDBC for the tables of {@code V2__tickets.sql}. Callers own the transaction. */
final class TicketRows {

  static final String TICKET_COLUMNS = "id, external_id, subject, description, status, priority,"
      + " ticket_type, group_id, assignee_id, requester_id, requester_name, requester_email,"
      + " organization, via, created_at, updated_at";

  /** An idempotency key already used: which operation, on which ticket, which comment. */
  record KeyRow(String operation, long ticketId, Long commentId, String resultJson) {}

  private TicketRows() {}

  static long insertTicket(Connection c, TicketDraft d, TicketStatus status, Instant now)
      throws SQLException {
    String sql = "INSERT INTO tickets (external_id, subject, description, status, priority,"
        + " group_id, requester_id, requester_name, requester_email, via, created_at, updated_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
      ps.setString(1, d.conversationId());
      ps.setString(2, d.subject());
      ps.setString(3, d.description());
      ps.setString(4, status.wireName());
      TicketPriority p = TicketPriority.fromWire(d.priority());
      ps.setString(5, p == null ? null : p.wireName());
      ps.setString(6, blankToNull(d.group()));
      ps.setString(7, d.requesterId());
      ps.setString(8, d.requesterName());
      ps.setString(9, d.requesterEmail());
      ps.setString(10, d.via());
      ps.setObject(11, at(now));
      ps.setObject(12, at(now));
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  static void updateTicket(Connection c, Ticket t) throws SQLException {
    String sql = "UPDATE tickets SET status = ?, priority = ?, ticket_type = ?, group_id = ?,"
        + " assignee_id = ?, updated_at = ? WHERE id = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, t.status().wireName());
      ps.setString(2, t.priority() == null ? null : t.priority().wireName());
      ps.setString(3, t.type());
      ps.setString(4, t.group());
      ps.setString(5, t.assignee());
      ps.setObject(6, at(t.updatedAt()));
      ps.setLong(7, Long.parseLong(t.id()));
      ps.executeUpdate();
    }
  }

  static void touch(Connection c, long ticketId, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE tickets SET updated_at = ? WHERE id = ?")) {
      ps.setObject(1, at(now));
      ps.setLong(2, ticketId);
      ps.executeUpdate();
    }
  }

  static void replaceTags(Connection c, long ticketId, Set<String> tags) throws SQLException {
    delete(c, "DELETE FROM ticket_tags WHERE ticket_id = ?", ticketId);
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO ticket_tags (ticket_id, tag) VALUES (?, ?)")) {
      for (String tag : tags) {
        ps.setLong(1, ticketId);
        ps.setString(2, tag);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  static void replaceCustomFields(Connection c, long ticketId, Map<String, String> fields)
      throws SQLException {
    delete(c, "DELETE FROM ticket_custom_fields WHERE ticket_id = ?", ticketId);
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO ticket_custom_fields (ticket_id, field_name, field_value) VALUES (?, ?, ?)")) {
      for (Map.Entry<String, String> e : fields.entrySet()) {
        ps.setLong(1, ticketId);
        ps.setString(2, e.getKey());
        ps.setString(3, e.getValue());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  static long insertComment(Connection c, long ticketId, NewComment n, Instant now)
      throws SQLException {
    String sql = "INSERT INTO ticket_comments (ticket_id, body, is_public, author_id, author_name,"
        + " author_role, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
      ps.setLong(1, ticketId);
      ps.setString(2, n.body());
      ps.setBoolean(3, n.isPublic());
      ps.setString(4, n.authorId());
      ps.setString(5, n.authorName());
      ps.setString(6, n.authorRole().name());
      ps.setObject(7, at(now));
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  static void insertKey(Connection c, String key, String operation, long ticketId, Long commentId,
      Instant now) throws SQLException {
    String sql = "INSERT INTO ticket_idempotency_keys (idem_key, operation, ticket_id, comment_id,"
        + " created_at) VALUES (?, ?, ?, ?, ?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, key);
      ps.setString(2, operation);
      ps.setLong(3, ticketId);
      if (commentId == null) {
        ps.setNull(4, Types.BIGINT);
      } else {
        ps.setLong(4, commentId);
      }
      ps.setObject(5, at(now));
      ps.executeUpdate();
    }
  }

  /** Records the ticket a write produced, so a repeat of the key returns it as it was then. */
  static void recordResult(Connection c, String key, String resultJson) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE ticket_idempotency_keys SET result_json = ? WHERE idem_key = ?")) {
      ps.setString(1, resultJson);
      ps.setString(2, key);
      ps.executeUpdate();
    }
  }

  static Optional<KeyRow> findKey(Connection c, String key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT operation, ticket_id, comment_id, result_json"
        + " FROM ticket_idempotency_keys WHERE idem_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        long comment = rs.getLong(3);
        Long commentId = rs.wasNull() ? null : comment;
        return Optional.of(new KeyRow(rs.getString(1), rs.getLong(2), commentId, rs.getString(4)));
      }
    }
  }

  /** The ticket row without comments; {@code lock} takes a row lock for the transaction. */
  static Optional<Ticket> selectTicket(Connection c, long id, boolean lock) throws SQLException {
    String sql = "SELECT " + TICKET_COLUMNS + " FROM tickets WHERE id = ?" + (lock ? " FOR UPDATE" : "");
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(ticket(c, rs, List.of())) : Optional.empty();
      }
    }
  }

  static Ticket ticket(Connection c, ResultSet rs, List<TicketComment> comments) throws SQLException {
    long id = rs.getLong("id");
    String priority = rs.getString("priority");
    return new Ticket(String.valueOf(id), rs.getString("external_id"), rs.getString("subject"),
        rs.getString("description"), TicketStatus.fromWire(rs.getString("status")),
        priority == null ? null : TicketPriority.fromWire(priority), rs.getString("ticket_type"),
        rs.getString("group_id"), rs.getString("assignee_id"), rs.getString("requester_id"),
        rs.getString("requester_name"), rs.getString("requester_email"),
        rs.getString("organization"), tags(c, id), customFields(c, id), comments,
        rs.getString("via"), instant(rs, "created_at"), instant(rs, "updated_at"));
  }

  static List<TicketComment> comments(Connection c, long ticketId, Long onlyId) throws SQLException {
    String sql = "SELECT id, body, is_public, author_id, author_name, author_role, created_at"
        + " FROM ticket_comments WHERE ticket_id = ?" + (onlyId == null ? "" : " AND id = ?")
        + " ORDER BY id";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, ticketId);
      if (onlyId != null) {
        ps.setLong(2, onlyId);
      }
      List<TicketComment> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new TicketComment(rs.getLong(1), rs.getString(2), rs.getBoolean(3),
              rs.getString(4), rs.getString(5), AuthorRole.valueOf(rs.getString(6)),
              instant(rs, "created_at")));
        }
      }
      return out;
    }
  }

  private static Set<String> tags(Connection c, long id) throws SQLException {
    Set<String> tags = new LinkedHashSet<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT tag FROM ticket_tags WHERE ticket_id = ? ORDER BY tag")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tags.add(rs.getString(1));
        }
      }
    }
    return tags;
  }

  private static Map<String, String> customFields(Connection c, long id) throws SQLException {
    Map<String, String> fields = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT field_name, field_value"
        + " FROM ticket_custom_fields WHERE ticket_id = ? ORDER BY field_name")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          fields.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return fields;
  }

  private static void delete(Connection c, String sql, long ticketId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, ticketId);
      ps.executeUpdate();
    }
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static OffsetDateTime at(Instant i) {
    return i.atOffset(ZoneOffset.UTC);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
