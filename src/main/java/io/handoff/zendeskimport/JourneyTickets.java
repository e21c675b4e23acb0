package io.handoff.zendeskimport;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.dryrun.DryRunEvent;
import io.handoff.dryrun.JourneyDryRunEvents;
import io.handoff.persistence.Journal;
import io.handoff.ticket.HelpdeskDirectory;
import io.handoff.ticket.TicketChangeValidator;
import io.handoff.ticket.builtin.BuiltInHelpdesk;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The ticket updates of past journeys in Handoff's database (embedded H2 or PostgreSQL, built-in
 * helpdesk): for each journey with a ticket, its journaled events and its ticket rebuilt as the REST
 * dry run does ({@link JourneyDryRunEvents}: the ticket's creation, then one update per agent comment).
 */
public final class JourneyTickets {

  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private JourneyTickets() {}

  /** The dry-run events of at most {@code limit} journeys with a ticket, oldest first. */
  public static List<DryRunEvent> read(DataSource ds, HelpdeskDirectory directory, int limit)
      throws SQLException, IOException {
    Journal journal = new Journal(ds);
    BuiltInHelpdesk tickets = new BuiltInHelpdesk(ds, new TicketChangeValidator(directory), Clock.systemUTC());
    JourneyDryRunEvents rebuild = new JourneyDryRunEvents(journal, JSON);
    List<DryRunEvent> events = new ArrayList<>();
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT journey_id, ticket_id FROM journeys WHERE ticket_id IS NOT NULL ORDER BY created_at, journey_id")) {
      ps.setMaxRows(limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          events.addAll(rebuild.of(rs.getString(1), tickets.find(rs.getString(2))));
        }
      }
    }
    return events;
  }
}
