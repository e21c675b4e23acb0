package io.handoff.restore;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

/**
 * The same restore when a journey is started with only its first journal entry and the rest follow as
 * updates (as for journeys longer than {@code handoff.restore.batch}).
 */
@QuarkusTest
@TestProfile(JourneyRestoreInBatchesTest.OneEntryBatches.class)
class JourneyRestoreInBatchesTest extends JourneyRestoreTest {
  public static class OneEntryBatches implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("handoff.restore.batch", "1");
    }
  }
}
