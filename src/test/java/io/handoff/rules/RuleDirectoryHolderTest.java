package io.handoff.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.handoff.yaml.RuleFileError;
import io.handoff.zendeskimport.RuleFilesWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One snapshot of every rule and prompt file under one hash, and the holder that swaps it as a whole. */
class RuleDirectoryHolderTest {

  @TempDir Path root;
  Path workflows;
  Path prompts;

  @BeforeEach
  void copyTheShippedDirectories() throws IOException {
    workflows = root.resolve("workflows");
    prompts = root.resolve("prompts");
    Files.createDirectories(workflows);
    Files.createDirectories(prompts);
    RuleDirectoryLoaderTest.copy(RuleDirectoryLoaderTest.WORKFLOWS, workflows);
    RuleDirectoryLoaderTest.copy(RuleDirectoryLoaderTest.PROMPTS, prompts);
  }

  @Test
  void theShippedDirectoriesLoadIntoOneSnapshotWithEveryFileParsed() {
    RuleDirectory d = RuleDirectoryLoader.load(workflows, prompts);
    assertThat(d.isValid()).as(d.errors().toString()).isTrue();
    assertThat(d.hash()).hasSize(16);
    assertThat(d.ruleSet().support().declared()).isNotEmpty();
    assertThat(d.ruleSet().messaging().triggers()).isNotEmpty();
    assertThat(d.slaPolicies().policies()).isNotEmpty();
    assertThat(d.businessHours().has("support-paris")).isTrue();
    assertThat(d.automations()).isNotNull();
    assertThat(d.inactivity()).isNotNull();
    assertThat(d.helpdesk().groups()).isNotEmpty();
    assertThat(d.intent().taxonomy().intentNames()).isNotEmpty();
    assertThat(d.intent().routing()).isNotNull();
    assertThat(d.intent().templates()).isNotNull();
    assertThat(RuleDirectoryLoader.load(workflows, prompts).hash()).as("same files, same hash").isEqualTo(d.hash());
  }

  @Test
  void theHashChangesWhenAnyRuleOrPromptFileChangesAndComesBackWithTheFile() throws IOException {
    String base = RuleDirectoryLoader.load(workflows, prompts).hash();
    List<Path> files;
    try (Stream<Path> w = Files.list(workflows); Stream<Path> p = Files.list(prompts)) {
      files = Stream.concat(w, p).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(10);
    for (Path f : files) {
      String text = Files.readString(f);
      Files.writeString(f, text + "\n");
      assertThat(RuleDirectory.hash(workflows, prompts)).as("after a change of " + f).isNotEqualTo(base);
      Files.writeString(f, text);
      assertThat(RuleDirectory.hash(workflows, prompts)).as("after undoing the change of " + f).isEqualTo(base);
    }
    Files.writeString(prompts.resolve("notes.md"), "a new file");
    assertThat(RuleDirectory.hash(workflows, prompts)).as("a file added").isNotEqualTo(base);
    Files.delete(prompts.resolve("notes.md"));
    Files.move(workflows.resolve("routing.yaml"), prompts.resolve("routing.yaml"));
    assertThat(RuleDirectory.hash(workflows, prompts)).as("a file moved to the other directory").isNotEqualTo(base);
  }

  @Test
  void hiddenFilesSuchAsImportBackupsDoNotChangeTheHash() throws IOException {
    String base = RuleDirectory.hash(workflows, prompts);
    Files.writeString(workflows.resolve(".support-triggers.yaml.123.tmp"), "half written");
    assertThat(RuleDirectory.hash(workflows, prompts)).isEqualTo(base);
  }

  @Test
  void aValidReloadReplacesTheWholeSnapshot() throws IOException {
    RuleDirectoryHolder holder = new RuleDirectoryHolder(workflows, prompts);
    RuleDirectory before = holder.current();
    replace(workflows.resolve("support-triggers.yaml"), "SUP - Routing - pricing to Sales", "SUP - Pricing to Sales");
    replace(workflows.resolve("business-hours.yaml"), "default: support-paris", "default: support-new-york");

    RuleDirectory loaded = holder.reload();

    assertThat(loaded.isValid()).as(loaded.errors().toString()).isTrue();
    assertThat(holder.current()).isSameAs(loaded);
    assertThat(loaded.hash()).isNotEqualTo(before.hash());
    assertThat(loaded.ruleSet().version()).isNotEqualTo(before.ruleSet().version());
    assertThat(loaded.ruleSet().support().declared()).anyMatch(t -> t.title().equals("SUP - Pricing to Sales"));
    assertThat(holder.scheduleOf(null)).as("the holder's calendar answers with the new schedules")
        .isEqualTo(loaded.businessHours().scheduleOf(null));
    assertThat(loaded.businessHours().defaultSchedule()).isEqualTo("support-new-york");
  }

  @Test
  void aReloadWithErrorsKeepsTheSnapshotInUseAndListsEveryErrorAsFileAndLine() throws IOException {
    RuleDirectoryHolder holder = new RuleDirectoryHolder(workflows, prompts);
    RuleDirectory before = holder.current();
    replace(workflows.resolve("support-triggers.yaml"), "operator: includes, value: pricing",
        "operator: includez, value: pricing");
    replace(workflows.resolve("handoff-policy.yaml"), "defaultGroup: general", "defaultGroup: nobody");
    // A valid change in the same reload must not be half-applied either.
    replace(workflows.resolve("business-hours.yaml"), "default: support-paris", "default: support-new-york");

    RuleDirectory loaded = holder.reload();

    assertThat(loaded.isValid()).isFalse();
    assertThat(loaded.errors()).extracting(RuleFileError::toString)
        .anyMatch(s -> s.matches(".*support-triggers.yaml:\\d+: .*unknown operator \"includez\".*"))
        .anyMatch(s -> s.matches(".*handoff-policy.yaml:\\d+: group 'nobody' is not defined in helpdesk.yaml.*"));
    assertThat(holder.current()).isSameAs(before);
    assertThat(holder.current().businessHours().defaultSchedule()).isEqualTo("support-paris");
  }

  @Test
  void anInvalidDirectoryStopsTheStartListingEveryError() throws IOException {
    replace(workflows.resolve("support-triggers.yaml"), "operator: includes, value: pricing",
        "operator: includez, value: pricing");
    replace(workflows.resolve("handoff-policy.yaml"), "defaultGroup: general", "defaultGroup: nobody");
    assertThatThrownBy(() -> new RuleDirectoryHolder(workflows, prompts))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("support-triggers.yaml:")
        .hasMessageContaining("unknown operator \"includez\"")
        .hasMessageContaining("handoff-policy.yaml:")
        .hasMessageContaining("group 'nobody'");
  }

  @Test
  void anImportWriteWhoseDirectoryDoesNotLoadIsUndoneAndTheSnapshotStays() throws IOException {
    RuleDirectoryHolder holder = new RuleDirectoryHolder(workflows, prompts);
    RuleDirectory before = holder.current();
    String triggers = Files.readString(workflows.resolve("support-triggers.yaml"));
    String hours = Files.readString(workflows.resolve("business-hours.yaml"));
    Map<String, String> files = new LinkedHashMap<>();
    files.put("business-hours.yaml", hours.replace("default: support-paris", "default: support-new-york"));
    files.put("support-triggers.yaml", triggers.replace("value: sales }", "value: salez }"));
    files.put("automations-notes.txt", "a new file");
    RuleFilesWriter.Write write = new RuleFilesWriter.Write(workflows, files, Instant.parse("2026-12-04T10:00:00Z"));

    RuleDirectory loaded = holder.reload(write);

    assertThat(loaded.errors()).extracting(RuleFileError::toString)
        .anyMatch(s -> s.contains("group 'salez' is not defined in helpdesk.yaml"));
    assertThat(holder.current()).isSameAs(before);
    assertThat(Files.readString(workflows.resolve("support-triggers.yaml"))).isEqualTo(triggers);
    assertThat(Files.readString(workflows.resolve("business-hours.yaml"))).as("the valid file is put back too")
        .isEqualTo(hours);
    assertThat(workflows.resolve("automations-notes.txt")).as("a new file is removed").doesNotExist();
    assertThat(RuleDirectory.hash(workflows, prompts)).isEqualTo(before.hash());
  }

  @Test
  void anImportWriteThatLoadsIsAppliedAsOneSnapshot() throws IOException {
    RuleDirectoryHolder holder = new RuleDirectoryHolder(workflows, prompts);
    RuleDirectory before = holder.current();
    String hours = Files.readString(workflows.resolve("business-hours.yaml"));
    RuleFilesWriter.Write write = new RuleFilesWriter.Write(workflows,
        Map.of("business-hours.yaml", hours.replace("default: support-paris", "default: support-new-york")),
        Instant.parse("2026-12-04T10:00:00Z"));

    RuleDirectory loaded = holder.reload(write);

    assertThat(loaded.isValid()).as(loaded.errors().toString()).isTrue();
    assertThat(holder.current()).isSameAs(loaded).isNotSameAs(before);
    assertThat(holder.current().businessHours().defaultSchedule()).isEqualTo("support-new-york");
    assertThat(write.written()).singleElement().satisfies(w -> assertThat(w.backup()).isNotNull());
  }

  @Test
  void aViewIsComputedOncePerSnapshot() throws IOException {
    RuleDirectoryHolder holder = new RuleDirectoryHolder(workflows, prompts);
    AtomicInteger computed = new AtomicInteger();
    Supplier<String> view = holder.view(d -> d.hash() + "#" + computed.incrementAndGet());
    String first = view.get();
    assertThat(view.get()).isEqualTo(first);
    holder.reload();
    assertThat(view.get()).as("a reload of the same files is a new snapshot").isNotEqualTo(first);
    assertThat(computed).hasValue(2);
    replace(workflows.resolve("business-hours.yaml"), "default: support-paris", "default: support-new-york");
    holder.reload();
    assertThat(view.get()).startsWith(holder.current().hash());
    assertThat(computed).hasValue(3);
  }

  @Test
  void aKeyedViewIsComputedAgainOnlyWhenItsFilesChange() throws IOException {
    RuleDirectoryHolder holder = new RuleDirectoryHolder(workflows, prompts);
    AtomicInteger computed = new AtomicInteger();
    Supplier<Integer> classifiers = holder.view(d -> d.intent().versions(), d -> computed.incrementAndGet());
    assertThat(classifiers.get()).isEqualTo(1);
    replace(workflows.resolve("business-hours.yaml"), "default: support-paris", "default: support-new-york");
    assertThat(holder.reload().isValid()).isTrue();
    assertThat(classifiers.get()).as("no intent file changed").isEqualTo(1);
    Path routing = workflows.resolve("routing.yaml");
    Files.writeString(routing, Files.readString(routing) + "\n# changed\n");
    assertThat(holder.reload().isValid()).isTrue();
    assertThat(classifiers.get()).as("routing.yaml changed").isEqualTo(2);
    Path system = prompts.resolve("classify-system.md");
    Files.writeString(system, Files.readString(system) + "\nOne more line.\n");
    assertThat(holder.reload().isValid()).isTrue();
    assertThat(classifiers.get()).as("a prompt template changed").isEqualTo(3);
  }

  @Test
  void theWiredActivitiesReadTheReloadedDirectoryFromTheirNextCall() throws IOException {
    RuleDirectoryHolder holder = new RuleDirectoryHolder(workflows, prompts);
    RuleActivities wiring = new RuleActivities();
    var sla = wiring.sla(holder, () -> 1);
    var automations = wiring.automations(holder, holder.current().helpdesk());
    String policy = sla.policies().policies().get(0).name();
    String automation = automations.automations().declared().get(0).title();
    replace(workflows.resolve("sla-policies.yaml"), policy, policy + " (renamed)");
    replace(workflows.resolve("automations.yaml"), automation, automation + " (renamed)");
    assertThat(sla.policies().policies().get(0).name()).as("before the reload").isEqualTo(policy);

    assertThat(holder.reload().isValid()).isTrue();

    assertThat(sla.policies().policies().get(0).name()).isEqualTo(policy + " (renamed)");
    assertThat(automations.automations().declared().get(0).title()).isEqualTo(automation + " (renamed)");
  }

  private static void replace(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }
}
