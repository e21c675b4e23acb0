package io.handoff.bench.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packaged service ({@code target/quarkus-app/quarkus-run.jar}) as a child process of a harness. */
public final class HandoffProcess {
  private final Map<String, String> properties;
  private final Path log;
  private final int httpPort;
  private Process process;
  private int starts;

  public HandoffProcess(Map<String, String> properties, int httpPort, Path log) {
    this.properties = properties;
    this.httpPort = httpPort;
    this.log = log;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + httpPort;
  }

  /** Starts the service and waits until its readiness check (Temporal and database) answers 200. */
  public Duration start(Duration timeout) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-Dquarkus.http.port=" + httpPort));
    properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
    cmd.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
    long t0 = System.nanoTime();
    Path runLog = log.resolveSibling(log.getFileName() + "." + (++starts));
    process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(runLog.toFile()).start();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Handoff exited with " + process.exitValue() + "; see " + runLog);
      }
      try {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).build(),
            HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - t0);
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("Handoff not ready after " + timeout + "; see " + runLog);
  }

  /** SIGKILL: no shutdown hook runs, the worker's in-flight activities are abandoned. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  public long pid() {
    return process.pid();
  }
}
