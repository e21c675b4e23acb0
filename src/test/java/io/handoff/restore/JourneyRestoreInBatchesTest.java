package io.handoff.restore;

import io.handoff.journey.JourneyRestorer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.temporal.client.WorkflowClient;
import jakarta.inject.Inject;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A journal replay when a journey is started with only its first journal entry and the rest follow as
 * updates (as for journeys longer than {@code handoff.restore.batch}).
 */
@QuarkusTest
@TestProfile(JourneyRestoreInBatchesTest.OneEntryBatches.class)
@Timeout(120)
class JourneyRestoreInBatchesTest {
  @Inject JourneyRestorer restorer;
  @Inject WorkflowClient client;
  @Inject DataSource dataSource;

  public static class OneEntryBatches implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("handoff.restore.batch", "1");
    }
  }

  @Test
  void aSolvedJourneyIsReplayedFromItsJournalOneEntryAtATime() throws Exception {
    JourneyRestoreTest.replayFromJournal(restorer, client, dataSource);
  }
}
