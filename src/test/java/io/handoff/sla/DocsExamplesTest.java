package io.handoff.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.handoff.sla.hours.BusinessHours;
import io.handoff.sla.hours.BusinessHoursLoader;
import io.handoff.sla.inactivity.InactivityPolicyLoader;
import io.handoff.sla.policy.SlaPolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The YAML examples in docs/sla.md load without errors, so the documentation cannot drift. */
class DocsExamplesTest {

  @Test
  void everyYamlExampleInTheDocsLoads() throws Exception {
    Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(Path.of("docs/sla.md")));
    List<String> blocks = new ArrayList<>();
    while (m.find()) {
      blocks.add(m.group(1));
    }
    assertEquals(3, blocks.size());
    BusinessHours hours = BusinessHoursLoader.parse("docs:business-hours", blocks.get(0)).orThrow();
    assertEquals("support-paris", hours.defaultSchedule());
    assertEquals(List.of(), SlaPolicyLoader.parse("docs:sla-policies", blocks.get(1), hours).errors());
    assertEquals(List.of(), InactivityPolicyLoader.parse("docs:inactivity", blocks.get(2)).errors());
  }
}
