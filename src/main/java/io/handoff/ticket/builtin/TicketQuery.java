package io.handoff.ticket.builtin;

import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketFilter;
import io.handoff.ticket.TicketPage;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Keyset-paginated ticket listing, newest first. The SQL holds only the filters that are set, so
 * no parameter is ever untyped (PostgreSQL refuses {@code ? IS NULL} on an unknown type).
 */
final class TicketQuery {

  static final int MAX_LIMIT = 100;
  private static final String CURSOR_PREFIX = "t:";

  private TicketQuery() {}

  static TicketPage page(Connection c, TicketFilter f, int limit, String cursor)
      throws SQLException {
    int size = Math.max(1, Math.min(limit, MAX_LIMIT));
    StringBuilder sql = new StringBuilder("SELECT " + TicketRows.TICKET_COLUMNS
        + " FROM tickets WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    add(sql, params, "status", f.status() == null ? null : f.status().wireName());
    add(sql, params, "group_id", f.group());
    add(sql, params, "assignee_id", f.assignee());
    add(sql, params, "priority", f.priority() == null ? null : f.priority().wireName());
    add(sql, params, "requester_id", f.requesterId());
    if (cursor != null && !cursor.isBlank()) {
      sql.append(" AND id < ?");
      params.add(decodeCursor(cursor));
    }
    sql.append(" ORDER BY id DESC LIMIT ?");
    params.add(size + 1);
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      List<Ticket> items = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          items.add(TicketRows.ticket(c, rs, List.of()));
        }
      }
      if (items.size() <= size) {
        return new TicketPage(items, null);
      }
      List<Ticket> pageItems = items.subList(0, size);
      return new TicketPage(pageItems, encodeCursor(pageItems.get(size - 1).id()));
    }
  }

  private static void add(StringBuilder sql, List<Object> params, String column, String value) {
    if (value != null && !value.isBlank()) {
      sql.append(" AND ").append(column).append(" = ?");
      params.add(value);
    }
  }

  static String encodeCursor(String lastId) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((CURSOR_PREFIX + lastId).getBytes(StandardCharsets.UTF_8));
  }

  /** The last id of the previous page; an unreadable cursor is the caller's mistake. */
  static long decodeCursor(String cursor) {
    try {
      String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!s.startsWith(CURSOR_PREFIX)) {
        throw new IllegalArgumentException("invalid cursor");
      }
      return Long.parseLong(s.substring(CURSOR_PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid cursor '" + cursor + "'", e);
    }
  }
}
