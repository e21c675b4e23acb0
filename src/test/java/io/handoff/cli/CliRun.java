package io.handoff.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One CLI command run in-process, with what it printed on stdout and stderr. */
record CliRun(int code, String out, String err) {

  static CliRun run(String command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new HandoffCli());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    String[] all = new String[args.length + 1];
    all[0] = command;
    System.arraycopy(args, 0, all, 1, args.length);
    return new CliRun(cli.execute(all), out.toString(), err.toString());
  }
}
