package io.handoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.handoff.routing.ComparisonCalculator;
import io.handoff.routing.ComparisonCalculatorTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CompareCommandTest {
  @Test
  void printsHeadlineRoutersAndSlices() {
    String out = CompareCommand.format(ComparisonCalculator.compute(ComparisonCalculatorTest.ROWS));
    assertThat(out).contains("journeys 4, both routers decided 3, agreement 33.3%");
    assertThat(out).containsPattern("rules\\s+4\\s+3\\s+66.7%\\s+75.0%\\s+2\\s+120 s\\s+0");
    assertThat(out).containsPattern("ai\\s+3\\s+3\\s+66.7%\\s+100.0%\\s+2\\s+180 s\\s+1");
    assertThat(out).containsPattern("es\\s+2\\s+0.0%\\s+0.0%\\s+100.0%");
  }

  @Test
  void sendsTheApiKeyAsABearerTokenAndReportsARefusal() {
    WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    try {
      server.stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/routing/comparison")).atPriority(2)
          .willReturn(WireMock.aResponse().withStatus(401).withBody("{\"requiredScope\":\"read\"}")));
      server.stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/routing/comparison")).atPriority(1)
          .withHeader("Authorization", WireMock.equalTo("Bearer hk_0123456789_secret"))
          .willReturn(WireMock.aResponse().withStatus(200).withBody("{\"journeys\":0}")));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      String url = "http://127.0.0.1:" + server.port();
      assertThat(HandoffCli.run("compare", "--url", url, "--json", "--api-key", "hk_0123456789_secret")).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("{\"journeys\":0}");
      assertThat(HandoffCli.run("compare", "--url", url, "--json", "--api-key", "")).isEqualTo(1);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("HTTP 401").contains("requiredScope");
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
      server.stop();
    }
  }

  @Test
  void withNoServerTheMessageSaysSoWithoutAStackTrace() throws Exception {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    PrintStream stderr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      assertThat(HandoffCli.run("compare", "--url", "http://127.0.0.1:" + port)).isEqualTo(1);
    } finally {
      System.setErr(stderr);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no Handoff answers at http://127.0.0.1:" + port)
        .doesNotContain("ConnectException").doesNotContain("\tat ");
  }

  @Test
  void dryRunNamesAMissingEventsFile() {
    PrintStream stderr = System.err;
    java.io.StringWriter err = new java.io.StringWriter();
    int exit = new picocli.CommandLine(new HandoffCli()).setErr(new java.io.PrintWriter(err))
        .execute("dry-run", "--events", "missing.jsonl");
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("--events missing.jsonl: no such file");
  }
}
