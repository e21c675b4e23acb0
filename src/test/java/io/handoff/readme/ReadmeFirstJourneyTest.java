package io.handoff.readme;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.intent.replies.AiRepliesLoader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The README's first journey, run exactly as written: the curl requests of its "A first journey"
 * section are read from README.md and sent through the REST API, and what the README says happens is
 * asserted on the journey view, the helpdesk and the messaging outbox.
 */
@QuarkusTest
@Timeout(180)
class ReadmeFirstJourneyTest {
  private static final Pattern POST = Pattern.compile(
      "curl -s -X POST localhost:8080(/api/conversations/[^/\\s]+/events)[^\\n]*\\n?\\s*-d '(.*?)'", Pattern.DOTALL);
  private static final Pattern GET = Pattern.compile("curl -s localhost:8080(/api/journeys/[^\\s`]+)");

  @Inject DataSource db;

  record Request(String path, String body) {}

  static String firstJourneySection() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("## A first journey");
    int end = readme.indexOf("\n## ", start + 5);
    assertThat(start).as("README has a section 'A first journey'").isGreaterThanOrEqualTo(0);
    return readme.substring(start, end);
  }

  @Test
  void theReadmesFirstJourneyDoesWhatTheReadmeSays() throws Exception {
    String section = firstJourneySection();
    // What the README promises; if the text changes, this test must change with it.
    assertThat(section.replaceAll("\\s+", " ")).contains(
        "tagged `pricing`", "classified `pricing_sales` by both routers", "handed off",
        "ticket in group `sales` with priority `high`", "notify the sales manager",
        "acknowledgement in their language");
    List<Request> posts = new ArrayList<>();
    Matcher m = POST.matcher(section);
    while (m.find()) {
      posts.add(new Request(m.group(1), m.group(2)));
    }
    assertThat(posts).hasSize(2);
    Matcher g = GET.matcher(section);
    assertThat(g.find()).isTrue();
    String view = g.group(1);

    for (Request r : posts) {
      given().contentType(ContentType.JSON).body(r.body()).when().post(r.path()).then().statusCode(202);
    }

    String ack = AiRepliesLoader.forPrompts(Path.of("prompts")).handoff().get("es");
    JsonPath[] journey = new JsonPath[1];
    Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
      journey[0] = given().when().get(view).then().statusCode(200).extract().jsonPath();
      assertThat(journey[0].getString("ticket.priority")).isEqualTo("high");
      assertThat(journey[0].getList("timeline.step", String.class)).contains("handoff.acknowledged");
    });
    JsonPath j = journey[0];
    assertThat(j.getString("stage")).isEqualTo("TICKETED");
    assertThat(j.getString("language")).isEqualTo("es");
    assertThat(j.getList("tags", String.class)).contains("pricing");
    assertThat(j.getString("routing.rules.intent")).isEqualTo("pricing_sales");
    assertThat(j.getString("routing.ai.intent")).isEqualTo("pricing_sales");
    assertThat(j.getBoolean("routing.agree")).isTrue();
    assertThat(j.getString("routing.rules.handoff")).isEqualTo("HANDOFF_TO_HUMAN");
    assertThat(j.getString("routing.ai.handoff")).isEqualTo("HANDOFF_TO_HUMAN");
    assertThat(j.getString("ticket.group")).isEqualTo("sales");
    assertThat(j.getList("timeline.findAll { it.step == 'notification.email' }.text", String.class))
        .anyMatch(t -> t.contains("sales.manager@example.com"));
    assertThat(j.getList("timeline.findAll { it.step == 'handoff.acknowledged' }.text", String.class))
        .containsExactly(ack);
    assertThat(ack).startsWith("Gracias");

    String conversation = posts.get(0).path().split("/")[3];
    try (Connection c = db.getConnection();
        var ps = c.prepareStatement("SELECT body FROM outbox_message WHERE conversation_id = ?")) {
      ps.setString(1, conversation);
      List<String> sent = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sent.add(rs.getString(1));
        }
      }
      assertThat(sent).as("messages the customer received").containsOnlyOnce(ack);
    }
  }
}
