package io.handoff.restore;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The packaged Handoff jar run as a separate process, so a test can kill it abruptly and start it again. */
final class HandoffProcess implements AutoCloseable {
  final int httpPort;
  final int temporalPort;
  final Path dataDir;
  final Path workflows;
  final Path log;
  private final List<String> extra;
  private Process process;
  private final List<ProcessHandle> orphans = new ArrayList<>();

  HandoffProcess(Path dataDir, Path workflows, List<String> extraProperties) throws IOException {
    this.httpPort = freePort();
    this.temporalPort = freePort();
    this.dataDir = dataDir;
    this.workflows = workflows;
    this.log = Path.of("target", "handoff-" + httpPort + ".log").toAbsolutePath();
    this.extra = extraProperties;
  }

  void start() throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dquarkus.http.port=" + httpPort,
        "-Dhandoff.temporal.embedded-port=" + temporalPort,
        "-Dhandoff.data-dir=" + dataDir,
        "-Dhandoff.workflows-dir=" + workflows,
        "-Dhandoff.helpdesk.file=" + workflows.resolve("helpdesk.yaml"),
        "-Dhandoff.prompts-dir=" + Path.of("prompts").toAbsolutePath()));
    cmd.addAll(extra);
    cmd.add("-jar");
    cmd.add(System.getProperty("handoff.jar", "target/quarkus-app/quarkus-run.jar"));
    process = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    HttpClient http = HttpClient.newHttpClient();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Handoff exited with " + process.exitValue() + "; see " + log);
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/q/health/ready"))).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("Handoff did not become ready; see " + log);
  }

  /**
   * Kills the process at once: no graceful shutdown, as a crash would. Its child processes (a Temporal dev
   * server) keep running, as they would after a crash; {@link #close} stops any that are still alive.
   */
  void kill() throws InterruptedException {
    orphans.addAll(process.descendants().toList());
    process.destroyForcibly();
    process.waitFor();
  }

  /** Stops the process gracefully (SIGTERM, as a service manager would) and waits for it; returns its children. */
  List<ProcessHandle> stop() throws InterruptedException {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      throw new IllegalStateException("Handoff did not stop within 60 s of SIGTERM; see " + log);
    }
    return children;
  }

  Process process() {
    return process;
  }

  String url(String path) {
    return "http://127.0.0.1:" + httpPort + path;
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      kill();
    }
    for (ProcessHandle orphan : orphans) {
      orphan.destroyForcibly();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static File file(Path p) {
    return p.toFile();
  }
}
