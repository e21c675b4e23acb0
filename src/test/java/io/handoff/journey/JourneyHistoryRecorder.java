package io.handoff.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records the histories of the journey shapes ({@link JourneyScenarios#shapes()}) for
 * {@link JourneyReplayTest}. Run it when a workflow change is released:
 * {@code ./mvnw test -Dtest=JourneyHistoryRecorder -Dhandoff.record-histories=v5} writes
 * {@code src/test/resources/histories/journey-v5.json} and {@code journey-v5-<shape>.json}. A file that
 * exists is never overwritten: old histories must keep replaying (docs/upgrading.md). With
 * {@code -Dhandoff.record-shape=<name>} (a shape's name, empty for the representative journey) only
 * that shape is recorded; a name no shape has fails the run.
 */
@EnabledIfSystemProperty(named = "handoff.record-histories", matches = "v\\d+")
class JourneyHistoryRecorder {
  static final Path DIR = Path.of("src/test/resources/histories");

  @Test
  void recordEveryShapeNotRecordedYet() throws Exception {
    String version = System.getProperty("handoff.record-histories");
    String only = System.getProperty("handoff.record-shape");
    List<JourneyScenarios.Shape> shapes = JourneyScenarios.shapes().stream()
        .filter(s -> only == null || s.name().equals(only)).toList();
    assertThat(shapes).as("shapes named by handoff.record-shape=%s", only).isNotEmpty();
    List<Path> written = new ArrayList<>();
    for (JourneyScenarios.Shape shape : shapes) {
      Path out = DIR.resolve(shape.fileName(version));
      if (Files.exists(out)) {
        continue;
      }
      Files.writeString(out, shape.record());
      written.add(out);
    }
    written.forEach(p -> assertThat(p).isNotEmptyFile());
    System.out.println("Recorded " + written);
  }
}
