package io.handoff.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.temporal.SearchAttributes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.temporal.TemporalDevServer;
import io.handoff.testing.TemporalCli;
import io.handoff.testing.TemporalCli.Result;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The compose jobs' scripts (deploy/temporal/create-namespace.sh, register-search-attributes.sh) run for
 * real with the temporal CLI against a Temporal CLI dev server (the product's {@link TemporalDevServer})
 * started without Handoff's search attributes: they wait for what is missing, succeed idempotently, and fail loudly. Skipped, visibly,
 * without the {@code temporal} binary.
 */
@Timeout(600)
@EnabledIf(value = "io.handoff.testing.TemporalCli#installed", disabledReason = "needs `temporal` on the PATH")
class TemporalSetupScriptsTest {
  static final String REGISTER = "deploy/temporal/register-search-attributes.sh";
  static final String CREATE_NAMESPACE = "deploy/temporal/create-namespace.sh";
  static TemporalDevServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TemporalCli.devServer(false, false);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static Result script(String script, String namespace, String address, int attempts)
      throws Exception {
    return TemporalCli.run(List.of("sh", script), List.of("TEMPORAL_ADDRESS=" + address,
        "TEMPORAL_NAMESPACE=" + namespace, "TEMPORAL_REGISTER_ATTEMPTS=" + attempts, "TEMPORAL_REGISTER_DELAY=1"));
  }

  static String namespace() {
    return "ns-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void theJobsCreateTheNamespaceAndRegisterEveryAttributeWithItsTypeAndRerunHarmlessly() throws Exception {
    String ns = namespace();
    Result created = script(CREATE_NAMESPACE, ns, server.target(), 10);
    assertThat(created.exit()).as(created.out()).isZero();
    assertThat(created.out()).contains("Namespace " + ns + " created");
    assertThat(script(CREATE_NAMESPACE, ns, server.target(), 10).out()).contains("Namespace " + ns + " exists");

    Result registered = script(REGISTER, ns, server.target(), 10);
    assertThat(registered.exit()).as(registered.out()).isZero();
    JsonNode custom = new ObjectMapper().readTree(TemporalCli.cli(server.target(), "operator", "search-attribute",
        "list", "--namespace", ns, "-o", "json").out()).get("customAttributes");
    SearchAttributes.all().forEach((name, type) -> assertThat(custom.path(name).asText()).as(name).isEqualTo(type.name()));

    Result again = script(REGISTER, ns, server.target(), 10);
    assertThat(again.exit()).as(again.out()).isZero();
    assertThat(again.out()).contains("registered in namespace " + ns);
  }

  @Test
  void registrationWaitsForANamespaceCreatedLater() throws Exception {
    String ns = namespace();
    CompletableFuture<Result> running = CompletableFuture.supplyAsync(() -> {
      try {
        return script(REGISTER, ns, server.target(), 60);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    Thread.sleep(4_000);
    assertThat(running).isNotDone();
    assertThat(TemporalCli.cli(server.target(), "operator", "namespace", "create", "--namespace", ns).exit()).isZero();
    Result r = running.get();
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out()).contains("namespace " + ns + " not available yet", "registered in namespace " + ns);
  }

  @Test
  void anAttributeOfAnotherTypeFailsAtOnceWithoutRetrying() throws Exception {
    String ns = namespace();
    assertThat(TemporalCli.cli(server.target(), "operator", "namespace", "create", "--namespace", ns).exit()).isZero();
    assertThat(TemporalCli.cli(server.target(), "operator", "search-attribute", "create", "--namespace", ns, "--name", "HandoffStage",
        "--type", "Int").exit()).isZero();
    long start = System.nanoTime();
    Result r = script(REGISTER, ns, server.target(), 60);
    assertThat(r.exit()).as(r.out()).isEqualTo(2);
    assertThat(r.out()).contains("HandoffStage", "different type", "FAILED");
    assertThat(System.nanoTime() - start).isLessThan(30_000_000_000L);
  }

  @Test
  void anUnreachableServerFailsLoudlyAfterTheBound() throws Exception {
    Result r = script(REGISTER, "default", "127.0.0.1:1", 3);
    assertThat(r.exit()).as(r.out()).isEqualTo(1);
    assertThat(r.out()).contains("attempt 1/3", "attempt 2/3", "FAILED", "after 3 attempts");
    Result ns = script(CREATE_NAMESPACE, "default", "127.0.0.1:1", 2);
    assertThat(ns.exit()).as(ns.out()).isEqualTo(1);
    assertThat(ns.out()).contains("FAILED");
  }
}
