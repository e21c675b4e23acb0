package io.handoff.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URL;
import java.time.Duration;
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
 * The dashboard in api-key mode, in headless Chromium: it says a key is needed, and with a read key
 * typed into its header it lists journeys. Skipped, visibly, where Chromium is not installed.
 */
@QuarkusTest
@TestProfile(ApiKeyAccessTest.ApiKeyMode.class)
@Timeout(180)
@EnabledIf("browserInstalled")
class DashboardApiKeyBrowserTest {
  @TestHTTPResource("/dashboard/index.html")
  URL dashboard;

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
  void asksForAKeyAndListsJourneysOnceAReadKeyIsEntered() {
    String writeKey = ApiKeyAccessTest.createKey("write");
    String journeyId = given().header("Authorization", "Bearer " + writeKey).contentType(ContentType.JSON)
        .body("{\"type\":\"conversation.started\",\"channel\":\"web_widget\"}")
        .when().post("/api/conversations/{id}/events", "dash-key-" + UUID.randomUUID().toString().substring(0, 8))
        .then().statusCode(202).extract().path("journeyId");
    String readKey = ApiKeyAccessTest.createKey("read");

    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    driver.get(dashboard.toString());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("auth-status")));
    assertThat(driver.findElement(By.id("auth-status")).getText()).contains("Enter an API key").contains("read");

    driver.findElement(By.id("api-key")).sendKeys(readKey);
    driver.findElement(By.cssSelector("#auth button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-journey='" + journeyId + "']")));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("auth-status")));
    assertThat(driver.findElement(By.id("api-key")).getAttribute("value")).isEmpty();
  }
}
