package io.handoff;

import io.handoff.cli.HandoffCli;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point of {@code java -jar target/quarkus-app/quarkus-run.jar}: with no arguments it serves;
 * with a command ({@code validate}, {@code eval}, ...) it runs that command in plain Java, without
 * starting the HTTP server or Temporal, and exits with the command's status.
 */
@QuarkusMain
public class HandoffMain {

  public static void main(String... args) {
    if (args.length > 0 && !args[0].startsWith("-D")) {
      System.exit(HandoffCli.run(args));
    }
    // Before Temporal, the restore of journeys and HTTP: every rule-file error as file:line, no stack trace.
    if (!io.handoff.rules.StartupRuleCheck.check(System.getenv(), System.getProperties(), System.err)) {
      System.exit(1);
    }
    Quarkus.run(args);
  }
}
