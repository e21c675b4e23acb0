package io.handoff.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records the history of a representative journey for {@link JourneyReplayTest}. Run it when the
 * workflow shape is released: {@code ./mvnw test -Dtest=JourneyHistoryRecorder -Dhandoff.record-histories=v1}
 * writes {@code src/test/resources/histories/journey-v1.json}; {@code v2} (automations) records a journey in
 * which an automation fires. An existing file is never overwritten.
 */
@EnabledIfSystemProperty(named = "handoff.record-histories", matches = "v\\d+")
class JourneyHistoryRecorder {

  @Test
  void recordRepresentativeJourney() throws Exception {
    String version = System.getProperty("handoff.record-histories");
    // v1 is the shape before automations; later shapes record a journey in which an automation fires.
    String history = "v1".equals(version) ? JourneyScenarios.runRepresentativeJourney()
        : JourneyScenarios.runAutomationJourney();
    Path out = Path.of("src/test/resources/histories/journey-" + version + ".json");
    if (Files.exists(out)) {
      throw new IllegalStateException(out + " exists: released histories are never overwritten; record a new version");
    }
    Files.writeString(out, history);
    assertThat(out).isNotEmptyFile();
  }
}
