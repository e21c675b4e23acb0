package io.handoff.testing;

import io.handoff.temporal.SearchAttributes;
import io.handoff.temporal.TemporalDevServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Temporal CLI ({@code temporal}) for tests: whether it is installed, a dev server started through
 * the product's {@link TemporalDevServer}, and CLI commands run against it. Tests that need it are
 * skipped, visibly, where the binary is not on the PATH.
 */
public final class TemporalCli {
  private TemporalCli() {}

  /** The {@code temporal} executable on the PATH, if any. */
  public static Optional<Path> binary() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String d : path.split(File.pathSeparator)) {
      Path p = Path.of(d, "temporal");
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  public static boolean installed() {
    return binary().isPresent();
  }

  /**
   * A dev server on free ports with its SQLite file in a fresh temp directory, with Handoff's search
   * attributes or none, with or without the Web UI; generous start-up time for a loaded machine.
   */
  public static TemporalDevServer devServer(boolean withSearchAttributes, boolean withUi) throws IOException {
    Path db = Files.createTempDirectory("temporal-dev-").resolve("temporal.db");
    return TemporalDevServer.start(new TemporalDevServer.Options("temporal", "temporal (test)", 0, 0, !withUi, db,
        withSearchAttributes ? SearchAttributes.all() : Map.of(), Duration.ofSeconds(180), 0));
  }

  /** The exit code and combined output of a command. */
  public record Result(int exit, String out) {}

  /** Runs {@code temporal <args> --address <address>}. */
  public static Result cli(String address, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(binary().orElseThrow().toString());
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("--address", address));
    return run(cmd, List.of());
  }

  /** Runs a command with extra environment entries ({@code NAME=value}), waiting at most 5 minutes. */
  public static Result run(List<String> cmd, List<String> env) throws IOException, InterruptedException {
    Path out = Files.createTempFile("temporal-cli-", ".out");
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.to(out.toFile()));
      for (String e : env) {
        int eq = e.indexOf('=');
        pb.environment().put(e.substring(0, eq), e.substring(eq + 1));
      }
      Process p = pb.start();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + cmd + ": " + Files.readString(out));
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
