package io.handoff.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.testing.Events;
import io.handoff.journey.RoutingView.RouterDecision;
import io.handoff.routing.RoutingStore;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (Debian's chromium + chromedriver). Skipped, visibly, on
 * a machine without them; CI's machine has them.
 */
@QuarkusTest
@Timeout(180)
@EnabledIf("browserInstalled")
class DashboardBrowserTest {
  @TestHTTPResource("/dashboard/index.html")
  URL dashboard;

  @Inject RoutingStore routing;

  WebDriver driver;

  static boolean browserInstalled() {
    return io.handoff.testing.HeadlessChromium.installed();
  }

  @BeforeEach
  void startBrowser() throws Exception {
    driver = io.handoff.testing.HeadlessChromium.start();
  }

  @AfterEach
  void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void loadsTheJourneyListOpensAJourneyAndShowsTheComparison() {
    String conversation = "dash-" + UUID.randomUUID().toString().substring(0, 8);
    String journeyId = Events.post(conversation,
        "{\"type\":\"conversation.started\",\"channel\":\"facebook\"}");
    Events.post(conversation, "{\"type\":\"message.received\",\"text\":\"je veux un remboursement\"}");
    Instant now = Instant.now();
    routing.recordDecision(journeyId, "rules", 2, new RouterDecision("refund_cancellation", "Billing",
        "HANDOFF_TO_HUMAN", 1.0, "fr", "normal", "rules", "keyword", 1L, null), false, "facebook", now);
    routing.recordDecision(journeyId, "ai", 2, new RouterDecision("refund_cancellation", "Billing",
        "HANDOFF_TO_HUMAN", 0.93, "fr", "normal", "offline", "exemplars", 2L, null), true, "facebook", now);

    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    driver.get(dashboard.toString());
    By row = By.cssSelector("tr[data-journey='" + journeyId + "']");
    wait.until(ExpectedConditions.presenceOfElementLocated(row));
    driver.findElement(row).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("journey-detail")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail-id"), journeyId));
    assertThat(driver.findElements(By.cssSelector("#detail-timeline li[data-step='event.message.received']")))
        .isNotEmpty();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("comparison-headline"), "agreement"));
    assertThat(driver.findElement(By.id("confusion")).getText()).contains("Billing");
    assertThat(driver.findElements(By.cssSelector("#language-chart rect"))).isNotEmpty();
  }
}
