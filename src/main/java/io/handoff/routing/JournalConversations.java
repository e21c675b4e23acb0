package io.handoff.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.model.Channel;
import io.handoff.model.Customer;
import io.handoff.model.EventType;
import io.handoff.model.JourneyEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Past journeys from Handoff's database as conversations to simulate: the journaled inbound events of
 * each journey (customer messages in order) and, as ground truth, the humans' final group.
 */
public final class JournalConversations {
  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private JournalConversations() {}

  /** A read-only data source for a JDBC URL of H2 or PostgreSQL. */
  public static DataSource dataSource(String url, String user, String password) {
    if (url.startsWith("jdbc:postgresql:")) {
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setURL(url);
      if (user != null) {
        pg.setUser(user);
      }
      if (password != null) {
        pg.setPassword(password);
      }
      return pg;
    }
    if (url.startsWith("jdbc:h2:")) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(url);
      h2.setUser(user == null ? "sa" : user);
      h2.setPassword(password == null ? "" : password);
      return h2;
    }
    throw new IllegalArgumentException("unsupported JDBC URL (use jdbc:h2: or jdbc:postgresql:): " + url);
  }

  /** Every journey with at least one customer message, oldest first, at most {@code limit}. */
  public static List<SimulatedConversation> read(DataSource ds, int limit) throws SQLException {
    Map<String, List<JourneyEvent>> byJourney = new LinkedHashMap<>();
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT journey_id, payload FROM journal WHERE kind = 'event' ORDER BY journey_id, seq")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          try {
            byJourney.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(JSON.readValue(rs.getString(2), JourneyEvent.class));
          } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("unreadable journal entry of " + rs.getString(1) + ": " + e.getOriginalMessage());
          }
        }
      }
      Map<String, String> finalGroups = finalGroups(c);
      List<SimulatedConversation> out = new ArrayList<>();
      for (Map.Entry<String, List<JourneyEvent>> e : byJourney.entrySet()) {
        SimulatedConversation conversation = toConversation(e.getValue(), finalGroups.get(e.getKey()));
        if (conversation != null && out.size() < limit) {
          out.add(conversation);
        }
      }
      return out;
    }
  }

  private static Map<String, String> finalGroups(Connection c) throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT journey_id, final_group FROM routing_outcomes");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  static SimulatedConversation toConversation(List<JourneyEvent> events, String finalGroup) {
    Channel channel = null;
    Customer customer = null;
    String pageUrl = null;
    Instant startedAt = null;
    List<String> messages = new ArrayList<>();
    for (JourneyEvent e : events) {
      channel = channel == null ? e.channel() : channel;
      customer = e.customer() != null ? e.customer() : customer;
      pageUrl = e.pageUrl() != null ? e.pageUrl() : pageUrl;
      startedAt = startedAt == null ? e.receivedAt() : startedAt;
      if ((e.type() == EventType.MESSAGE_RECEIVED || e.type() == EventType.CUSTOMER_REPLIED) && e.text() != null) {
        messages.add(e.text());
      }
    }
    if (messages.isEmpty()) {
      return null;
    }
    return new SimulatedConversation(events.get(0).conversationId(), channel, customer, messages, pageUrl,
        startedAt == null ? SimulatedConversation.DEFAULT_START : startedAt, finalGroup);
  }
}
