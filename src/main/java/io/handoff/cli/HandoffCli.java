package io.handoff.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Handoff's command line: every subcommand runs in plain Java, with no server started. */
@Command(name = "handoff", mixinStandardHelpOptions = true, version = "handoff 0.1.0",
    description = "Durable customer-support journeys. With no command, the jar serves the API.",
    subcommands = {ValidateCommand.class, EvalCommand.class, DryRunCommand.class, SimulateCommand.class,
      CompareCommand.class, ImportZendeskCommand.class, EquivalenceCommand.class, SlaDryRunCommand.class, PurgeCommand.class,
      ApiKeysCommand.class})
public class HandoffCli implements Runnable {

  /** Runs the command line and returns its exit code. */
  public static int run(String... args) {
    return new CommandLine(new HandoffCli()).execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
