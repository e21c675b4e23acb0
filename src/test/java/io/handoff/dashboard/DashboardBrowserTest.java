package io.handoff.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.model.RoutingView.RouterDecision;
import io.handoff.routing.RoutingStore;
import io.handoff.testing.Events;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian's chromium + chromedriver). Skipped, visibly, on
 * a machine without them; CI's machine has them. Screenshots land in {@code target/screenshots/}.
 */
@QuarkusTest
@Timeout(240)
@EnabledIf("browserInstalled")
class DashboardBrowserTest {
  static final Path SCREENSHOTS = Path.of("target/screenshots");

  @TestHTTPResource("/dashboard/index.html")
  URL dashboard;

  @TestHTTPResource("/")
  URL root;

  @Inject RoutingStore routing;

  WebDriver driver;
  WebDriverWait wait;

  static boolean browserInstalled() {
    return io.handoff.testing.HeadlessChromium.installed();
  }

  @BeforeEach
  void startBrowser() throws Exception {
    driver = io.handoff.testing.HeadlessChromium.start();
    driver.manage().window().setSize(new Dimension(1400, 1000));
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  @AfterEach
  void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  void screenshot(String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  /** Records a rules and an AI decision that agree (the AI acting), for the comparison. */
  void bothRoutersAgree(String journeyId, String intent, String group, String language, String channel) {
    Instant now = Instant.now();
    routing.recordDecision(journeyId, "rules", 2, new RouterDecision(intent, group, "HANDOFF_TO_HUMAN", 1.0,
        language, "normal", "rules", "keyword", 1L, null), false, channel, now);
    routing.recordDecision(journeyId, "ai", 2, new RouterDecision(intent, group, "HANDOFF_TO_HUMAN", 0.93,
        language, "normal", "offline", "exemplars", 2L, null), true, channel, now);
  }

  /** An enterprise customer's journey, handed off into a ticket with running SLA clocks. */
  static String ticketedJourney(String conversation) {
    String journeyId = Events.post(conversation, "{\"type\":\"conversation.started\",\"channel\":\"web_widget\","
        + "\"customer\":{\"id\":\"u-9\",\"name\":\"Chloé Dubois\",\"email\":\"chloe@example.com\",\"locale\":\"fr\","
        + "\"tier\":\"enterprise\"}}");
    Events.post(conversation, "{\"type\":\"message.received\",\"text\":\"Mon application plante avec une erreur"
        + " quand je me connecte\"}");
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      String stage = given().get("/api/journeys/" + journeyId).then().extract().path("stage");
      if ("TICKETED".equals(stage)) {
        return journeyId;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError(journeyId + " was not ticketed within 60 s");
  }

  @Test
  void loadsTheJourneyListOpensAJourneyAndShowsTheComparison() throws Exception {
    String conversation = "dash-" + UUID.randomUUID().toString().substring(0, 8);
    String journeyId = Events.post(conversation,
        "{\"type\":\"conversation.started\",\"channel\":\"facebook\"}");
    Events.post(conversation, "{\"type\":\"message.received\",\"text\":\"je veux un remboursement\"}");
    bothRoutersAgree(journeyId, "refund_cancellation", "Billing", "fr", "facebook");

    driver.get(dashboard.toString());
    By row = By.cssSelector("tr[data-journey='" + journeyId + "']");
    wait.until(ExpectedConditions.presenceOfElementLocated(row));
    driver.findElement(row).findElements(By.tagName("td")).get(3).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("journey-detail")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-id"), journeyId));
    // Opening a journey puts it in the URL, so the address can be shared.
    assertThat(driver.getCurrentUrl()).endsWith("#journey=" + journeyId);
    assertThat(driver.findElements(By.cssSelector("#detail-timeline li[data-step='event.message.received']")))
        .isNotEmpty();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("comparison-headline"), "agreement"));
    assertThat(driver.findElement(By.id("confusion")).getText()).contains("Billing");
    assertThat(driver.findElements(By.cssSelector("#language-chart rect"))).isNotEmpty();
  }

  @Test
  void aDeepLinkOpensATicketedJourneyWithCountingDownSlaClocksHumanTargetsAndLocalTimes() throws Exception {
    String journeyId = ticketedJourney("dash-sla-" + UUID.randomUUID().toString().substring(0, 8));

    // The list shows who the journey is with and what it is about.
    driver.get(dashboard.toString());
    By row = By.cssSelector("tr[data-journey='" + journeyId + "']");
    wait.until(ExpectedConditions.presenceOfElementLocated(row));
    String rowText = driver.findElement(row).getText();
    assertThat(rowText).contains("Chloé Dubois").contains("Mon application plante");
    assertThat(rowText).doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d");

    // A fresh browser opening the journey's link lands on the journey.
    driver.get(dashboard + "#journey=" + journeyId);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-id"), journeyId));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#detail-sla tr[data-metric]")));
    assertThat(driver.findElement(By.id("detail-link")).getAttribute("href")).endsWith("#journey=" + journeyId);
    assertThat(driver.findElement(By.id("journey-detail")).getText()).contains("Chloé Dubois");

    WebElement firstReply = driver.findElement(By.cssSelector("#detail-sla tr[data-metric='first_reply_time']"));
    List<WebElement> cells = firstReply.findElements(By.tagName("td"));
    assertThat(firstReply.getAttribute("data-state")).isEqualTo("running");
    // Targets read as durations for people, never as raw seconds.
    assertThat(cells.get(2).getText()).matches("\\d+ (d|h|min|s)( \\d+ (h|min|s))?( \\(business hours\\))?");
    String leftBefore = cells.get(4).getText();
    assertThat(leftBefore).matches("(overdue by )?\\d+ (d|h|min|s)( \\d+ (h|min|s))?");
    // Left counts down to the due time, second by second, in the page.
    assertThat(cells.get(5).getText()).isEqualTo("running");
    screenshot("dashboard-journey");
    assertThat(driver.findElements(By.cssSelector("#detail-sla tr[data-metric]")).get(0).getAttribute("data-metric"))
        .isEqualTo("first_reply_time");
    WebElement left = cells.get(4).findElement(By.cssSelector(".countdown"));
    String dueAt = given().get("/api/journeys/" + journeyId).then().extract().path("sla.first_reply_time.dueAt");
    assertThat(Instant.parse(left.getAttribute("data-due"))).isEqualTo(Instant.parse(dueAt));
    // The page ticks: moved to a due time 90 s away, the cell counts down from there second by second.
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
        "arguments[0].setAttribute('data-due', new Date(Date.now() + 90000).toISOString())", left);
    wait.until(d -> left.getText().matches("1 min (2[0-9]|30) s"));
    String first = left.getText();
    wait.until(d -> !left.getText().equals(first));
    assertThat(left.getText()).matches("1 min (1[0-9]|2[0-9]) s");
    // Clocks that wait for their start event are not shown as running.
    for (WebElement tr : driver.findElements(By.cssSelector("#detail-sla tr[data-metric]"))) {
      String metric = tr.getAttribute("data-metric");
      String apiState = given().get("/api/journeys/" + journeyId).then().extract()
          .path("sla." + metric + ".state");
      if ("IDLE".equals(apiState)) {
        assertThat(tr.getAttribute("data-state")).as(metric).isEqualTo("not started");
      }
      if ("PAUSED".equals(apiState)) {
        assertThat(tr.getAttribute("data-state")).as(metric).isEqualTo("paused");
      }
    }
    // The next clocks: at least the SLA clock, with a due time and a countdown.
    WebElement slaClock = driver.findElement(By.cssSelector("#detail-clocks tr[data-clock='sla']"));
    assertThat(slaClock.getText()).contains("SLA");
    // Times are local and readable, the exact instant in the title.
    WebElement firstTime = driver.findElement(By.cssSelector("#detail-timeline time"));
    assertThat(firstTime.getText()).doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT");
    assertThat(firstTime.getAttribute("datetime")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
  }

  @Test
  void comparisonShowsNBesideEveryRateFlagsSmallNAndDrawsAxesAndValues() throws Exception {
    String journeyId = Events.post("dash-cmp-" + UUID.randomUUID().toString().substring(0, 8),
        "{\"type\":\"conversation.started\",\"channel\":\"web_widget\"}");
    bothRoutersAgree(journeyId, "billing", "billing", "de", "web_widget");

    driver.get(dashboard.toString());
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("comparison-headline"), "n ="));
    String headline = driver.findElement(By.id("comparison-headline")).getText();
    assertThat(headline).contains("agreement").containsPattern("AI accuracy|AI handoff rate");
    // every rate card carries its n
    for (WebElement card : driver.findElements(By.cssSelector("#comparison-headline .card"))) {
      if (card.getText().matches("(?s).*(agreement|accuracy|handoff rate).*")) {
        assertThat(card.getText()).as(card.getText()).contains("n = ");
      }
    }
    assertThat(driver.findElements(By.cssSelector("#comparison-headline .small-n"))).isNotEmpty();
    // charts: a y axis from 0 to 100 %, the value over each bar, and n under it
    WebElement chart = driver.findElement(By.id("language-chart"));
    List<String> ticks = chart.findElements(By.cssSelector("text.tick")).stream().map(WebElement::getText).toList();
    assertThat(ticks).contains("0 %", "50 %", "100 %", "de rules", "de AI");
    assertThat(ticks).anyMatch(t -> t.startsWith("n="));
    // no final human group yet: the accuracy bars say so rather than drawing 0 %
    assertThat(chart.findElements(By.cssSelector("text.value"))).extracting(WebElement::getText).contains("—");
    WebElement agreement = driver.findElement(By.id("agreement-chart"));
    assertThat(agreement.findElements(By.cssSelector("text.tick"))).extracting(WebElement::getText)
        .contains("0 %", "100 %").anyMatch(t -> t.startsWith("n="));
    assertThat(agreement.findElements(By.cssSelector("text.value"))).extracting(WebElement::getText)
        .anyMatch(t -> t.matches("\\d+ %"));
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
        "document.getElementById('comparison').scrollIntoView()");
    screenshot("dashboard-comparison");
  }

  @Test
  void theRootLeadsToTheDashboard() {
    given().redirects().follow(false).get("/").then().statusCode(303)
        .header("Location", org.hamcrest.Matchers.endsWith("/dashboard/"));
    driver.get(root.toString());
    wait.until(ExpectedConditions.urlContains("/dashboard/"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("journey-table")));
  }
}
