package io.handoff.testing;

import io.handoff.temporal.SearchAttributes;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Temporal CLI dev server ({@code temporal server start-dev}) for tests: SQLite under a temp directory,
 * free ports for the frontend, the Web UI, HTTP and metrics, Handoff's search attributes registered by
 * flags. Tests that need it are skipped, visibly, where the {@code temporal} binary is not on the PATH.
 */
public final class TemporalDevServer implements AutoCloseable {
  public final int port;
  public final int uiPort;
  public final Path dir;
  public final Path log;
  private final Process process;

  private TemporalDevServer(int port, int uiPort, Path dir, Path log, Process process) {
    this.port = port;
    this.uiPort = uiPort;
    this.dir = dir;
    this.log = log;
    this.process = process;
  }

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

  /** {@code --search-attribute Name=Type} flags for every Handoff search attribute. */
  public static List<String> searchAttributeFlags() {
    List<String> flags = new ArrayList<>();
    SearchAttributes.all().forEach((name, type) -> {
      flags.add("--search-attribute");
      flags.add(name + "=" + cliType(type));
    });
    return flags;
  }

  /** The CLI's name of an index type: INDEXED_VALUE_TYPE_KEYWORD is Keyword. */
  public static String cliType(io.temporal.api.enums.v1.IndexedValueType type) {
    StringBuilder out = new StringBuilder();
    for (String part : type.name().replace("INDEXED_VALUE_TYPE_", "").split("_")) {
      out.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
    }
    return out.toString();
  }

  /** Starts a dev server with (or without) Handoff's search attributes and waits until it serves. */
  public static TemporalDevServer start(boolean withSearchAttributes) throws IOException, InterruptedException {
    Path temporal = binary().orElseThrow(() -> new IllegalStateException("temporal is not on the PATH"));
    Path dir = Files.createTempDirectory("temporal-dev-");
    int port = freePort();
    int uiPort = freePort();
    List<String> cmd = new ArrayList<>(List.of(temporal.toString(), "server", "start-dev",
        "--ip", "127.0.0.1", "--port", String.valueOf(port), "--ui-port", String.valueOf(uiPort),
        "--http-port", String.valueOf(freePort()), "--metrics-port", String.valueOf(freePort()),
        "--db-filename", dir.resolve("temporal.db").toString(), "--ui-disable-news-fetch", "--log-level", "warn"));
    if (withSearchAttributes) {
      cmd.addAll(searchAttributeFlags());
    }
    Path log = dir.resolve("server.log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    TemporalDevServer server = new TemporalDevServer(port, uiPort, dir, log, p);
    try {
      server.awaitServing(Duration.ofSeconds(90));
    } catch (RuntimeException | InterruptedException e) {
      server.close();
      throw e;
    }
    return server;
  }

  public String address() {
    return "127.0.0.1:" + port;
  }

  public String uiUrl() {
    return "http://127.0.0.1:" + uiPort;
  }

  private void awaitServing(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("temporal server start-dev exited with " + process.exitValue() + ": "
            + Files.readString(log));
      }
      if (cli("operator", "cluster", "health").out().contains("SERVING")) {
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("temporal server start-dev did not serve within " + timeout + ": "
        + Files.readString(log));
  }

  /** The exit code and combined output of a command. */
  public record Result(int exit, String out) {}

  /** Runs {@code temporal <args> --address <this server>} and returns its exit code and output. */
  public Result cli(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(binary().orElseThrow().toString());
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("--address", address()));
    return run(cmd, List.of());
  }

  /** Runs a command with extra environment entries ({@code NAME=value}), waiting at most 5 minutes. */
  public static Result run(List<String> cmd, List<String> env) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    for (String e : env) {
      int eq = e.indexOf('=');
      pb.environment().put(e.substring(0, eq), e.substring(eq + 1));
    }
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("timed out: " + cmd);
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }
}
