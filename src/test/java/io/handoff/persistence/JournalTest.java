package io.handoff.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.testing.TestDatabases;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A journal entry says in the same read whether its journey recorded it (a retry needs one read). */
class JournalTest {
  static Stream<TestDatabases.Db> databases() {
    return TestDatabases.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void anEntryCarriesWhetherItsJourneyRecordedIt(TestDatabases.Db db) {
    Journal journal = new Journal(db.dataSource());
    String journey = "journey-jt-" + System.nanoTime();
    Instant at = Instant.parse("2026-12-01T10:00:00Z");
    assertThat(journal.append(journey, "e1", "event", "{\"a\":1}", at)).isTrue();
    assertThat(journal.append(journey, "e2", "event", "{\"a\":2}", at.plusSeconds(1))).isTrue();
    assertThat(journal.append(journey, "e1", "event", "{\"a\":3}", at.plusSeconds(2))).as("same id again").isFalse();

    Journal.Entry before = journal.entry(journey, "e1").orElseThrow();
    assertThat(before.delivered()).isFalse();
    assertThat(before.payload()).isEqualTo("{\"a\":1}");

    journal.markDelivered(journey, "e1");
    assertThat(journal.entry(journey, "e1").orElseThrow().delivered()).isTrue();
    assertThat(journal.entry(journey, "e2").orElseThrow().delivered()).isFalse();
    assertThat(journal.entries(journey)).extracting(Journal.Entry::entryId, Journal.Entry::delivered)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("e1", true), org.assertj.core.groups.Tuple.tuple("e2", false));
    assertThat(journal.openJourneys().get(journey)).extracting(Journal.Entry::delivered).containsExactly(true, false);
    assertThat(journal.entry(journey, "e3")).isEmpty();
  }
}
