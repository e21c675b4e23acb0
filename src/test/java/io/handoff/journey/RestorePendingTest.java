package io.handoff.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.persistence.Journal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which journal entries a restore from a snapshot still has to deliver. */
class RestorePendingTest {
  private static List<Journal.Entry> journal(String... ids) {
    return java.util.Arrays.stream(ids)
        .map(id -> new Journal.Entry(0, "journey-x", id, "event", "{}", Instant.EPOCH, false)).toList();
  }

  private static List<String> ids(List<Journal.Entry> entries) {
    return entries.stream().map(Journal.Entry::entryId).toList();
  }

  @Test
  void entriesAfterTheLastProcessedOneAreDelivered() {
    assertThat(ids(JourneyRestorer.notYetProcessed(journal("a", "b", "c", "d"), List.of("a", "b"))))
        .containsExactly("c", "d");
  }

  @Test
  void anEntryJournaledBeforeOneProcessedEarlierIsStillDelivered() {
    // c and d were requested concurrently: d reached the journey first, c was still queued.
    assertThat(ids(JourneyRestorer.notYetProcessed(journal("a", "b", "c", "d"), List.of("b", "d"))))
        .containsExactly("c");
  }

  @Test
  void entriesOlderThanTheKeptProcessedIdsCountAsProcessed() {
    assertThat(ids(JourneyRestorer.notYetProcessed(journal("a", "b", "c", "d", "e"), List.of("c", "d"))))
        .containsExactly("e");
  }

  @Test
  void withoutProcessedIdsEverythingIsDelivered() {
    assertThat(ids(JourneyRestorer.notYetProcessed(journal("a", "b"), List.of()))).containsExactly("a", "b");
  }
}
