package io.handoff.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records the history of a representative journey for {@link JourneyReplayTest}. Run it when the
 * workflow shape is released: {@code ./mvnw test -Dtest=JourneyHistoryRecorder -Dhandoff.record-histories=v1}
 * writes {@code src/test/resources/histories/journey-v1.json}.
 */
@EnabledIfSystemProperty(named = "handoff.record-histories", matches = "v\\d+")
class JourneyHistoryRecorder {

  @Test
  void recordRepresentativeJourney() throws Exception {
    String version = System.getProperty("handoff.record-histories");
    String history = JourneyScenarios.runRepresentativeJourney();
    Path out = Path.of("src/test/resources/histories/journey-" + version + ".json");
    Files.writeString(out, history);
    assertThat(out).isNotEmptyFile();
  }
}
