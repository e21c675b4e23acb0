package io.handoff.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.handoff.model.RoutingView;
import io.handoff.model.Stage;
import io.handoff.persistence.JourneyIndex;
import io.handoff.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Projections written to the journey index and read back: idempotent, ordered, listed, snapshots. */
class ProjectionStoreTest {
  static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  static Stream<TestDatabases.Db> databases() {
    return TestDatabases.all().stream();
  }

  static JourneyView view(String id, Stage stage, Instant at) {
    return new JourneyView(id, id.substring(8), stage, "web_widget", "en", List.of("pricing"), 1,
        RoutingView.NONE, new TicketView("7", "open", "high", "Sales", null), Map.of(), "active", at, at, 1, 0,
        List.of(), null, null, List.of());
  }

  static TimelineEntry entry(long seq, String step) {
    return new TimelineEntry(seq, Instant.parse("2026-11-25T10:00:00Z").plusSeconds(seq), step, "t" + seq, null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void projectionIsIdempotentUnderActivityRetry(TestDatabases.Db db) throws Exception {
    ProjectionStore index = new ProjectionStore(db.dataSource(), JSON);
    Instant t0 = Instant.parse("2026-11-25T10:00:00Z");
    JourneyProjection p = new JourneyProjection(view("journey-r1", Stage.TICKETED, t0),
        List.of(entry(1, "event.conversation.started"), entry(2, "event.message.received")), 2);
    index.write(p);
    index.write(p);
    index.write(p);
    assertThat(count(db, "SELECT COUNT(*) FROM journey_timeline WHERE journey_id='journey-r1'")).isEqualTo(2);
    assertThat(count(db, "SELECT COUNT(*) FROM journeys WHERE journey_id='journey-r1'")).isEqualTo(1);
    JourneyView found = index.find("journey-r1").orElseThrow();
    assertThat(found.stage()).isEqualTo(Stage.TICKETED);
    assertThat(found.timeline()).extracting(TimelineEntry::step)
        .containsExactly("event.conversation.started", "event.message.received");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void anOlderProjectionNeverOverwritesANewerOne(TestDatabases.Db db) {
    ProjectionStore index = new ProjectionStore(db.dataSource(), JSON);
    Instant t0 = Instant.parse("2026-11-25T10:00:00Z");
    index.write(new JourneyProjection(view("journey-r2", Stage.SOLVED, t0), List.of(entry(5, "stage.solved")), 5));
    index.write(new JourneyProjection(view("journey-r2", Stage.MESSAGING, t0), List.of(entry(1, "event.x")), 1));
    assertThat(index.find("journey-r2").orElseThrow().stage()).isEqualTo(Stage.SOLVED);
    assertThat(index.timeline("journey-r2")).extracting(TimelineEntry::seq).containsExactly(1L, 5L);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void listFiltersAndPagesNewestFirst(TestDatabases.Db db) {
    ProjectionStore index = new ProjectionStore(db.dataSource(), JSON);
    Instant t0 = Instant.parse("2026-11-25T10:00:00Z");
    for (int i = 0; i < 5; i++) {
      Stage stage = i % 2 == 0 ? Stage.TICKETED : Stage.MESSAGING;
      index.write(new JourneyProjection(view("journey-l" + i, stage, t0.plusSeconds(i)), List.of(), 1));
    }
    JourneyIndex list = new JourneyIndex(db.dataSource(), JSON);
    JourneyIndex.Page page1 = list.list(new JourneyIndex.Filter("TICKETED", null, null, null), 2, null);
    assertThat(page1.items()).extracting(JourneyIndex.JourneySummary::journeyId)
        .containsExactly("journey-l4", "journey-l2");
    JourneyIndex.Page page2 = list.list(new JourneyIndex.Filter("TICKETED", null, null, null), 2, page1.nextCursor());
    assertThat(page2.items()).extracting(JourneyIndex.JourneySummary::journeyId).containsExactly("journey-l0");
    assertThat(page2.nextCursor()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void onlyTheSnapshotOfAFinishedClosedJourneyIsGivenForAReopen(TestDatabases.Db db) {
    ProjectionStore index = new ProjectionStore(db.dataSource(), JSON);
    Instant t0 = Instant.parse("2026-11-25T10:00:00Z");
    JourneyState state = new JourneyState();
    state.journeyId = "journey-f1";
    state.conversationId = "f1";
    state.stage = Stage.TICKETED;
    index.write(new JourneyProjection(view("journey-f1", Stage.TICKETED, t0), List.of(entry(1, "ticket.created")), 1,
        state));
    assertThat(index.finishedSnapshot("journey-f1", 200)).isEmpty();
    state.stage = Stage.CLOSED;
    index.write(new JourneyProjection(view("journey-f1", Stage.CLOSED, t0), List.of(entry(2, "stage.closed")), 2,
        state));
    assertThat(index.finishedSnapshot("journey-f1", 200)).as("closed, follow-up window still open").isEmpty();
    state.finished = true;
    index.write(new JourneyProjection(view("journey-f1", Stage.CLOSED, t0), List.of(entry(3, "journey.finished")), 3,
        state));
    JourneyState finished = index.finishedSnapshot("journey-f1", 2).orElseThrow();
    assertThat(finished.finished).isTrue();
    assertThat(finished.conversationId).isEqualTo("f1");
    assertThat(finished.timeline).extracting(TimelineEntry::seq).containsExactly(2L, 3L);
    assertThat(index.finishedSnapshot("journey-unknown", 200)).isEmpty();
  }

  private static long count(TestDatabases.Db db, String sql) throws Exception {
    try (Connection c = db.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
