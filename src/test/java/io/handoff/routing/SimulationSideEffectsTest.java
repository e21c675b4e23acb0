package io.handoff.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.cli.HandoffCli;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A simulation inside a running Handoff writes nothing: no ticket, message, notification or journey. */
@QuarkusTest
@Timeout(120)
class SimulationSideEffectsTest {

  @Inject DataSource db;

  @Test
  void simulatingWritesNoTicketMessageNotificationOrJourney(@TempDir Path tmp) throws Exception {
    Map<String, Long> before = counts();
    int exit = HandoffCli.run("simulate", "--conversations", SimulationFixtures.CONVERSATIONS.toString(),
        "--candidate-workflows", SimulationFixtures.pricingToBilling(tmp).toString());
    assertThat(exit).isZero();
    assertThat(counts()).isEqualTo(before);
  }

  private Map<String, Long> counts() throws Exception {
    Map<String, Long> out = new TreeMap<>();
    try (Connection c = db.getConnection()) {
      // Scoped to the fixture's conversations ("sim-..."): journeys of other tests may still be writing.
      for (String query : List.of("SELECT COUNT(*) FROM tickets WHERE external_id LIKE 'sim-%'",
          "SELECT COUNT(*) FROM ticket_comments WHERE ticket_id IN (SELECT id FROM tickets WHERE external_id LIKE 'sim-%')",
          "SELECT COUNT(*) FROM outbox_message WHERE conversation_id LIKE 'sim-%'",
          "SELECT COUNT(*) FROM outbox_notification WHERE idempotency_key LIKE '%sim-%'",
          "SELECT COUNT(*) FROM journeys WHERE journey_id LIKE 'journey-sim-%'",
          "SELECT COUNT(*) FROM journal WHERE journey_id LIKE 'journey-sim-%'",
          "SELECT COUNT(*) FROM routing_outcomes WHERE journey_id LIKE 'journey-sim-%'")) {
        try (ResultSet rs = c.createStatement().executeQuery(query)) {
          rs.next();
          out.put(query, rs.getLong(1));
        }
      }
    }
    return out;
  }
}
