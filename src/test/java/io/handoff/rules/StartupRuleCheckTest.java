package io.handoff.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad rule directory stops the start with every error as file:line, before anything else runs. */
class StartupRuleCheckTest {

  @Test
  void everyErrorIsPrintedAsFileAndLineWithoutAStackTrace(@TempDir Path dir) throws IOException {
    RuleDirectoryLoaderTest.copy(RuleDirectoryLoaderTest.WORKFLOWS, dir);
    Path policy = dir.resolve("handoff-policy.yaml");
    Files.writeString(policy, Files.readString(policy).replace("defaultGroup: general", "defaultGroup: nobody"));
    Path sla = dir.resolve("sla-policies.yaml");
    Files.writeString(sla, Files.readString(sla).replace("{add_tag: sla_warning}", "{notify_webhook: nowhere, body: '{}'}"));
    Properties system = new Properties();
    system.setProperty("handoff.workflows-dir", dir.toString());
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    boolean valid = StartupRuleCheck.check(Map.of(), system, new PrintStream(err, true, StandardCharsets.UTF_8));
    String printed = err.toString(StandardCharsets.UTF_8);
    assertThat(valid).isFalse();
    assertThat(printed).containsPattern("handoff-policy.yaml:\\d+: group 'nobody'")
        .containsPattern("sla-policies.yaml:\\d+: .*webhook 'nowhere'")
        .doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void theDirectoryComesFromTheEnvironmentLikeQuarkusReadsIt(@TempDir Path dir) {
    assertThat(StartupRuleCheck.setting("handoff.workflows-dir", "workflows",
        Map.of("HANDOFF_WORKFLOWS_DIR", dir.toString()), new Properties())).isEqualTo(dir.toString());
    assertThat(StartupRuleCheck.check(Map.of(), new Properties(), new PrintStream(new ByteArrayOutputStream())))
        .as("the shipped rules").isTrue();
  }
}
