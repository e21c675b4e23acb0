package io.handoff.rules;

import io.handoff.messaging.MessagingTriggerParser;
import io.handoff.messaging.MessagingTriggerSet;
import io.handoff.messaging.MessagingValidator;
import io.handoff.support.SupportTriggerParser;
import io.handoff.support.SupportTriggerSet;
import io.handoff.support.SupportValidator;
import io.handoff.trigger.DynamicContent;
import io.handoff.trigger.DynamicContentLoader;
import io.handoff.trigger.IdempotencyKeys;
import io.handoff.yaml.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the trigger rule files of a {@code workflows/} directory in plain Java (no CDI), for the rule
 * directory loader ({@code rules.RuleDirectoryLoader}: start-up, reload, {@code validate}) and for the
 * {@code dry-run}, {@code equivalence} and {@code simulate} commands. A missing file means no triggers of that kind.
 */
public final class RuleSetLoader {

  public static final String MESSAGING_FILE = "messaging-triggers.yaml";
  public static final String SUPPORT_FILE = "support-triggers.yaml";

  private RuleSetLoader() {}

  /** Loads and validates both files, reporting every error and warning at once. */
  public static RuleSetLoad load(Path workflowsDir) {
    String messagingText = read(workflowsDir.resolve(MESSAGING_FILE));
    String supportText = read(workflowsDir.resolve(SUPPORT_FILE));
    String contentText = read(workflowsDir.resolve(io.handoff.trigger.DynamicContentLoader.FILE));
    String version = version(messagingText, supportText, contentText);
    List<io.handoff.yaml.RuleFileError> problems = new ArrayList<>();
    var content = io.handoff.trigger.DynamicContentLoader.load(workflowsDir);
    problems.addAll(content.errors());
    DynamicContent dc = content.value() == null ? DynamicContent.NONE : content.value();
    if (content.value() != null && Files.isDirectory(workflowsDir)) {
      problems.addAll(DynamicContentUses.check(workflowsDir, dc));
    }

    Problems mp = new Problems(workflowsDir.resolve(MESSAGING_FILE).toString());
    MessagingTriggerSet messaging = messagingText == null ? MessagingTriggerSet.empty(version)
        : new MessagingTriggerParser(mp).parse(messagingText, version);
    MessagingValidator.warn(messaging, mp);
    problems.addAll(mp.all());

    Problems sp = new Problems(workflowsDir.resolve(SUPPORT_FILE).toString());
    SupportTriggerSet support = supportText == null ? SupportTriggerSet.empty(version)
        : new SupportTriggerParser(sp).parse(supportText, version);
    SupportValidator.warn(support, sp);
    problems.addAll(sp.all());
    return new RuleSetLoad(new RuleSet(messaging.withContent(dc), support.withContent(dc), version), problems);
  }

  /** The first 12 hex digits of SHA-256 over both files' contents (and the dynamic content's, when there is one). */
  static String version(String messagingText, String supportText) {
    return version(messagingText, supportText, null);
  }

  static String version(String messagingText, String supportText, String contentText) {
    String joined = MESSAGING_FILE + "\0" + (messagingText == null ? "" : messagingText) + "\0"
        + SUPPORT_FILE + "\0" + (supportText == null ? "" : supportText)
        + (contentText == null ? "" : "\0" + io.handoff.trigger.DynamicContentLoader.FILE + "\0" + contentText);
    return IdempotencyKeys.sha256(joined.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
  }

  private static String read(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + file, e);
    }
  }
}
