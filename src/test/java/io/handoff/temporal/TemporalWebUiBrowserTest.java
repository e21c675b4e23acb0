package io.handoff.temporal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.testing.Events;
import io.handoff.testing.HeadlessChromium;
import io.handoff.testing.TemporalCli;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * A journey seen in the Temporal Web UI: Handoff runs against a Temporal CLI dev server (cluster mode,
 * {@code handoff.temporal.target}), a journey reaches a ticket and breaches a 5-second first-reply SLA (20 s,
 * the rule files' minimum is 15 s, on a demo clock 4 times faster),
 * then headless Chromium opens the dev server's UI, finds the workflow with the list query of README
 * "Operations: journeys in the Temporal UI" (stage, intent, language, SLA breach), opens it and reads its
 * summary, details, named timers and activities. The same queries run through {@code temporal workflow
 * list --query}. Skipped, visibly, without the {@code temporal} binary or Chromium. Screenshots go to
 * {@code target/temporal-ui/} (copies are in {@code docs/temporal-ui/}).
 */
@QuarkusTest
@TestProfile(TemporalWebUiBrowserTest.OnDevServer.class)
@Timeout(600)
@EnabledIf(value = "toolsInstalled", disabledReason = "needs `temporal` on the PATH and Debian's chromium + chromedriver")
class TemporalWebUiBrowserTest {
  static final String UI_PROPERTY = "temporal-web-ui-test.ui";
  static final String ADDRESS_PROPERTY = "temporal-web-ui-test.address";
  static final Path SHOTS = Path.of("target", "temporal-ui");

  /** The query of README "Operations": a breached Spanish pricing journey waiting for an agent. */
  static final String BREACHED = "HandoffStage = 'TICKETED' AND HandoffIntent = 'pricing_sales'"
      + " AND HandoffLanguage = 'es' AND HandoffSlaBreached = true";

  static boolean toolsInstalled() {
    return TemporalCli.installed() && HeadlessChromium.installed();
  }

  /** Cluster mode on a dev server, no access control (loopback), SLA targets of 20 seconds on a 4x demo clock. */
  public static class OnDevServer implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(DevServerResource.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("handoff.auth.mode", "none", "handoff.workflows-dir", workflowsWithShortSla().toString(),
          "handoff.demo.time-scale", "4");
    }
  }

  /** Starts the dev server for the profile and points Handoff at it. */
  public static class DevServerResource implements QuarkusTestResourceLifecycleManager {
    TemporalDevServer server;

    @Override
    public Map<String, String> start() {
      try {
        server = TemporalCli.devServer(true, true);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      // The test class may be loaded by another class loader: share through system properties.
      System.setProperty(UI_PROPERTY, server.uiUrl());
      System.setProperty(ADDRESS_PROPERTY, server.target());
      return Map.of("handoff.temporal.target", server.target(), "handoff.temporal.namespace", "default");
    }

    @Override
    public void stop() {
      if (server != null) {
        server.close();
      }
    }
  }

  /** A copy of workflows/ whose one SLA policy wants a first reply within 20 seconds, around the clock. */
  static Path workflowsWithShortSla() {
    return io.handoff.testing.WorkflowsCopy.of("temporal-web-ui", java.util.Map.of("sla-policies.yaml", """
        policies:
          - name: Temporal UI test
            description: Every ticket, around the clock; the first reply is due within 20 seconds.
            on_breach:
              - {add_tag: sla_breached}
            targets:
              first_reply_time: {urgent: 20s, high: 20s, normal: 20s, low: 20s}
        """));
  }

  WebDriver driver;

  @BeforeEach
  void startBrowser() throws Exception {
    driver = HeadlessChromium.start();
    driver.manage().window().setSize(new Dimension(1400, 900));
  }

  @AfterEach
  void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void aBreachedJourneyIsFoundByItsSearchAttributesAndItsHistoryShowsSummariesTimersAndActivities()
      throws Exception {
    String conversation = "ui-" + UUID.randomUUID().toString().substring(0, 8);
    String journeyId = Events.post(conversation, """
        {"type":"conversation.started","channel":"web_widget","pageUrl":"https://shop.example/pricing",
         "customer":{"id":"u-7","name":"Ana","email":"ana@example.com","locale":"es","tier":"enterprise"}}""");
    Events.post(conversation, """
        {"type":"message.received","channel":"web_widget","text":"Hola, ¿cuánto cuesta el plan Enterprise?"}""");
    Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      JsonPath view = given().when().get("/api/journeys/{id}", journeyId).then().statusCode(200).extract().jsonPath();
      assertThat(view.getString("stage")).as(view.prettify()).isEqualTo("TICKETED");
      assertThat(view.getBoolean("sla.first_reply_time.breached")).as(view.prettify()).isTrue();
    });

    // The README's CLI equivalents, against the same server (visibility is eventually consistent).
    Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
        assertThat(cli("workflow", "list", "--query", BREACHED)).contains(journeyId));
    assertThat(cli("workflow", "list", "--query", "HandoffSlaBreached = true")).contains(journeyId);
    assertThat(cli("workflow", "list", "--query", "HandoffStage = 'TICKETED' AND HandoffLanguage = 'fr'"))
        .doesNotContain(journeyId);
    assertThat(cli("workflow", "count", "--query", "HandoffSlaBreached = true")).contains("1");
    assertThat(cli("workflow", "list", "--query", "WorkflowId = '" + journeyId + "'")).contains(journeyId);
    assertThat(cli("workflow", "list", "--query",
        "HandoffSlaBreached = true AND HandoffStage = 'TICKETED' AND ExecutionStatus = 'Running'")).contains(journeyId);
    boolean agree = given().when().get("/api/journeys/{id}", journeyId).then().statusCode(200).extract()
        .jsonPath().getBoolean("routing.agree");
    assertThat(cli("workflow", "list", "--query", "HandoffRoutingAgreement = '" + (agree ? "agree" : "disagree") + "'"))
        .contains(journeyId);
    assertThat(cli("workflow", "list", "--query", "HandoffRoutingAgreement = '" + (agree ? "disagree" : "agree") + "'"))
        .doesNotContain(journeyId);
    cli("workflow", "list", "--query", "HandoffSlaNextDueAt < '"
        + java.time.Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
        + "' AND HandoffStage = 'TICKETED'");
    assertThat(cli("workflow", "describe", "--workflow-id", journeyId)).contains("HandoffSlaBreached", "true");
    assertThat(cli("workflow", "show", "--workflow-id", journeyId)).contains("TimerFired", "ActivityTaskCompleted");

    String ui = System.getProperty(UI_PROPERTY);
    driver.get(ui + "/namespaces/default/workflows?query=" + URLEncoder.encode(BREACHED, StandardCharsets.UTF_8));
    awaitText(journeyId);
    screenshot("workflow-list-breached-sla.png");
    try {
      // The journey's page: the timeline names each activity and each timer by its summary.
      driver.get(ui + "/namespaces/default/workflows/" + journeyId);
      awaitText("SLA first_reply_time breach");
      assertThat(bodyText()).contains(journeyId, "CustomerJourneyWorkflow", "TicketApplyChange", "SupportEvaluate",
          "SlaTargetsFor", "JourneyProject");
      ((JavascriptExecutor) driver).executeScript(
          "[...document.querySelectorAll('h2')].find(h => h.textContent.trim() === 'Timeline').scrollIntoView()");
      screenshot("journey-timeline.png");

      // User metadata: the static summary and details set at start, the current details the workflow keeps.
      clickTab("user-metadata-tab");
      awaitText("Customer journey " + conversation);
      awaitText("SLA breached");
      assertThat(pageText()).contains("Summary", "Current Details", "Conversation " + conversation + " on web_widget",
          "Stage: TICKETED", "Ticket: #", "SLA breached");
      screenshot("journey-user-metadata.png");

      clickTab("search-attributes-tab");
      awaitText("HandoffSlaBreached");
      assertThat(bodyText()).contains("HandoffStage", "TICKETED", "HandoffIntent", "pricing_sales",
          "HandoffLanguage", "HandoffTicketId");

      clickTab("history-tab");
      awaitText("Timer");
      screenshot("journey-history.png");
    } finally {
      dumpPage("last-page.html");
      screenshot("last-page.png");
    }
  }

  private String cli(String... args) throws Exception {
    String[] withAddress = new String[args.length + 2];
    System.arraycopy(args, 0, withAddress, 0, args.length);
    withAddress[args.length] = "--address";
    withAddress[args.length + 1] = System.getProperty(ADDRESS_PROPERTY);
    TemporalCli.Result r = TemporalCli.run(
        java.util.stream.Stream.concat(java.util.stream.Stream.of(TemporalCli.binary().orElseThrow().toString()),
            java.util.Arrays.stream(withAddress)).toList(), List.of());
    assertThat(r.exit()).as(r.out()).isZero();
    return r.out();
  }

  /** Clicks a tab of the workflow page by script (the page may have scrolled a sticky header over it). */
  private void clickTab(String testId) {
    ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0); arguments[0].click();",
        driver.findElement(By.cssSelector("[data-testid='" + testId + "']")));
  }

  private String bodyText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** The page's text with that of its iframes (the UI renders summaries and details as markdown in frames). */
  private String pageText() {
    StringBuilder out = new StringBuilder(bodyText());
    for (org.openqa.selenium.WebElement frame : driver.findElements(By.tagName("iframe"))) {
      try {
        driver.switchTo().frame(frame);
        out.append('\n').append(bodyText());
      } catch (org.openqa.selenium.WebDriverException e) {
        // A frame that went away while reading: the next poll reads the page again.
      } finally {
        driver.switchTo().defaultContent();
      }
    }
    return out.toString();
  }

  private void awaitText(String text) {
    Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> pageText().contains(text));
  }

  private void screenshot(String name) throws IOException {
    Files.createDirectories(SHOTS);
    Files.write(SHOTS.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  private void dumpPage(String name) throws IOException {
    Files.createDirectories(SHOTS);
    Files.writeString(SHOTS.resolve(name), driver.getPageSource());
    Files.writeString(SHOTS.resolve(name + ".txt"), pageText());
  }
}
