package io.handoff.rules;

import io.handoff.automation.AutomationSet;
import io.handoff.intent.IntentFiles;
import io.handoff.sla.hours.BusinessHours;
import io.handoff.sla.inactivity.InactivityPolicy;
import io.handoff.sla.policy.SlaPolicies;
import io.handoff.ticket.HelpdeskDirectory;
import io.handoff.yaml.RuleFileError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * One immutable snapshot of the rule directory ({@code workflows/}) and the prompt directory
 * ({@code prompts/}): every file parsed, one content hash over all of them, and every problem found as
 * {@code file:line}. Made by {@link RuleDirectoryLoader}; the service uses the one that
 * {@link RuleDirectoryHolder} holds. When the directories have errors only {@link #problems()} (and the
 * hash) are set; when they are valid every value is.
 *
 * @param hash the first 16 hex digits of SHA-256 over every file of both directories (names and contents);
 *     it changes when any rule or prompt file changes, is added or is removed
 * @param ruleSet the messaging and support triggers; their {@link RuleSet#version()} stays the trigger rules'
 *     own version (recorded in evaluation traces and answered by the dry run and the import)
 * @param inactivity with its reminders' {@code {{dc.name}}} texts resolved
 * @param helpdesk groups and agents of {@code workflows/helpdesk.yaml}
 * @param intent the taxonomy, replies, prompt templates, human requests, routing rules and handoff policy
 */
public record RuleDirectory(Path workflowsDir, Path promptsDir, String hash, RuleSet ruleSet,
    BusinessHours businessHours, SlaPolicies slaPolicies, InactivityPolicy inactivity, AutomationSet automations,
    HelpdeskDirectory helpdesk, IntentFiles intent, List<RuleFileError> problems) implements RuleFileProblems {

  public RuleDirectory {
    problems = List.copyOf(problems);
  }

  /** A directory that could not be read at all. */
  static RuleDirectory failed(Path workflowsDir, Path promptsDir, List<RuleFileError> problems) {
    return new RuleDirectory(workflowsDir, promptsDir, null, null, null, null, null, null, null, null, problems);
  }

  /**
   * The content hash of both directories: each regular, non-hidden file of each (in name order) with its
   * directory's role and name. Hidden files (the import's backups and temporary files) are left out.
   */
  static String hash(Path workflowsDir, Path promptsDir) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      digest(sha, "workflows", workflowsDir);
      digest(sha, "prompts", promptsDir);
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static void digest(MessageDigest sha, String role, Path dir) {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(dir)) {
      list.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
          .sorted().forEach(files::add);
      for (Path f : files) {
        byte[] content = Files.readAllBytes(f);
        sha.update((role + "/" + f.getFileName() + "\0" + content.length + "\0").getBytes(StandardCharsets.UTF_8));
        sha.update(content);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir, e);
    }
  }
}
