package io.handoff.restore;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.journey.JourneyRestorer;
import io.handoff.testing.Events;
import io.handoff.testing.Journeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.temporal.client.WorkflowClient;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A journey whose workflow is lost (as on a restart of the embedded server) comes back: from its last
 * snapshot when there is one (nothing re-run), from its whole journal otherwise; either way the agent's
 * solve is on the restored ticket and the close clock then fires once.
 */
@QuarkusTest
@Timeout(120)
class JourneyRestoreTest {
  @Inject JourneyRestorer restorer;
  @Inject WorkflowClient client;
  @Inject DataSource dataSource;

  @Test
  void aSolvedJourneyComesBackFromItsSnapshotWithoutRerunningItsSteps() {
    Solved s = solvedJourney(dataSource);
    lose(client, s.journeyId());
    restorer.restore(s.journeyId());

    JsonPath view = awaitClosedAfterRestore(s);
    assertThat(view.getInt("runs")).as("started from the snapshot, as a new run of the same state").isEqualTo(2);
    List<String> steps = view.getList("timeline.step", String.class);
    assertThat(steps.stream().filter("ai.triage"::equals)).as("triage is not run again").hasSize(1);
    assertThat(steps.stream().filter("ticket.created"::equals)).hasSize(1);
    List<Integer> seqs = view.getList("timeline.seq", Integer.class);
    assertThat(seqs).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void aSolvedJourneyWithoutSnapshotIsReplayedFromItsJournal() throws Exception {
    replayFromJournal(restorer, client, dataSource);
  }

  /** Loses a solved journey and its snapshot, restores it from its journal alone. */
  static void replayFromJournal(JourneyRestorer restorer, WorkflowClient client, DataSource dataSource)
      throws Exception {
    Solved s = solvedJourney(dataSource);
    lose(client, s.journeyId());
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("UPDATE journeys SET snapshot_json = NULL WHERE journey_id = ?")) {
      ps.setString(1, s.journeyId());
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
    restorer.restore(s.journeyId());

    JsonPath view = awaitClosedAfterRestore(s);
    assertThat(view.getInt("runs")).isEqualTo(1);
    List<String> steps = view.getList("timeline.step", String.class);
    assertThat(steps).contains("event.conversation.started", "stage.solved");
    assertThat(steps.indexOf("event.message.received")).isBetween(0, steps.indexOf("ai.triage"));
  }

  record Solved(String journeyId, String ticketId) {}

  /**
   * A journey solved by an agent, once the index holds its last projection. A restart loses the worker
   * with the workflow; here the workflow is terminated while the worker lives on, so a projection still
   * in flight would land after the restore read the snapshot.
   */
  private static Solved solvedJourney(DataSource dataSource) {
    String id = "restore-" + UUID.randomUUID();
    String journeyId = Events.post(id, """
        {"type":"conversation.started","channel":"web_widget",
         "customer":{"id":"u-r","name":"Ana","email":"ana@example.com","tier":"enterprise"}}""");
    Events.post(id, """
        {"type":"message.received","text":"How much does the enterprise plan cost? I want to talk to sales."}""");
    String ticketId = Journeys.awaitTicket(journeyId);
    given().contentType(ContentType.JSON).body("{\"status\":\"solved\"}")
        .when().patch("/api/tickets/{id}", ticketId).then().statusCode(200);
    Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      List<Integer> live = Journeys.view(journeyId).getList("timeline.seq", Integer.class);
      assertThat(lastProjectedSeq(dataSource, journeyId)).isEqualTo((long) live.get(live.size() - 1));
    });
    return new Solved(journeyId, ticketId);
  }

  private static long lastProjectedSeq(DataSource dataSource, String journeyId) throws java.sql.SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT MAX(seq) FROM journey_timeline WHERE journey_id = ?")) {
      ps.setString(1, journeyId);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void lose(WorkflowClient client, String journeyId) {
    client.newUntypedWorkflowStub(journeyId).terminate("simulated loss of the embedded server");
  }

  private static JsonPath awaitClosedAfterRestore(Solved s) {
    JsonPath[] last = new JsonPath[1];
    Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      JsonPath view = Journeys.view(s.journeyId());
      assertThat(view.getInt("restores")).isEqualTo(1);
      assertThat(view.getString("stage")).isEqualTo("CLOSED");
      assertThat(view.getString("ticket.id")).isEqualTo(s.ticketId());
      last[0] = view;
    });
    assertThat(Journeys.ticket(s.ticketId()).getString("status")).isEqualTo("closed");
    return last[0];
  }
}
