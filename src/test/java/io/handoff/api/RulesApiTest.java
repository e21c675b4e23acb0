package io.handoff.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.handoff.testing.Journeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code POST /api/rules/dry-run}: traces and diffs, and never a side effect. */
@QuarkusTest
@Timeout(120)
class RulesApiTest {

  /** A conversation id no other test uses, so the side-effect counts below see only this test. */
  static final String CONVERSATION = "dry-" + java.util.UUID.randomUUID();

  static final String EVENTS = """
      # a pricing-page message, then the enterprise ticket it became
      {"id": "m1", "kind": "messaging", "facts": {"conversationId": "%1$s", "event": "message_sent", "at": "2026-11-24T10:00:20Z", "sender": "customer", "pageUrl": "https://shop.example/pricing", "message": "How much is it?"}}
      {"id": "t1", "kind": "support", "update": {"idempotencyKey": "%1$s", "before": null, "after": {"id": "T-dry", "externalId": "%1$s", "subject": "Pricing", "status": "new", "priority": "normal", "tags": ["pricing"], "via": "web_widget", "requesterName": "Rita", "requesterEmail": "rita@example.com"}, "requesterFields": {"tier": "enterprise"}}}
      """.formatted(CONVERSATION);

  @Inject DataSource db;

  /** {@code handoff.candidates-dir} in the test profile. */
  static final Path CANDIDATES = Path.of("target/test-candidates");

  /** This test's own directory inside the candidates directory. */
  Path tmp;

  @org.junit.jupiter.api.BeforeEach
  void candidatesDirectory() throws IOException {
    tmp = Files.createDirectories(CANDIDATES.resolve("rules-api-" + java.util.UUID.randomUUID()));
  }

  /** The candidate parameter naming {@code dir}: its path inside the candidates directory. */
  static String name(Path dir) {
    return CANDIDATES.relativize(dir).toString();
  }

  @Test
  void recordedEventsGetTheCurrentRulesTraceAndNoSideEffect() throws SQLException {
    Map<String, Long> before = counts();
    JsonPath r = dryRun(given().body(bytes(EVENTS))).statusCode(200).extract().jsonPath();
    assertThat(r.getInt("events")).isEqualTo(2);
    assertThat(r.getList("base.results[0].outcome", String.class))
        .contains("fired: MSG - Tags - pricing page", "add_tags: pricing");
    List<String> ticket = r.getList("base.results[1].outcome", String.class);
    assertThat(ticket).contains("group_id:  -> sales", "priority: normal -> high")
        .anyMatch(l -> l.startsWith("email") && l.contains("sales.manager@example.com"))
        .anyMatch(l -> l.startsWith("webhook sales-alerts"));
    assertThat(r.getList("base.results[1].trace.triggers.trigger", String.class))
        .contains("SUP - Routing - technical to Technical support");
    assertThat(r.getString("diff")).isNull();
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aCandidateDirectoryShowsWhichOutcomesWouldChange() throws IOException, SQLException {
    Path candidate = candidateRoutingPricingToBilling();
    Map<String, Long> before = counts();
    JsonPath r = dryRun(given().queryParam("candidate", name(candidate)).body(bytes(EVENTS))).statusCode(200)
        .extract().jsonPath();
    assertThat(r.getString("diff.baseVersion")).isNotEqualTo(r.getString("diff.candidateVersion"));
    assertThat(r.getList("diff.changed.id", String.class)).containsExactly("t1");
    assertThat(r.getList("diff.changed[0].base", String.class)).contains("group_id:  -> sales");
    assertThat(r.getList("diff.changed[0].candidate", String.class)).contains("group_id:  -> billing");
    assertThat(r.getList("candidate.results[1].outcome", String.class)).contains("group_id:  -> billing");
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void anExistingJourneyIsReplayedAgainstACandidateWithoutTouchingIt() throws IOException, SQLException {
    Journeys.Ticketed t = Journeys.enterprisePricing("dry");
    Path candidate = candidateRoutingPricingToBilling();
    Map<String, Object> ticketBefore = Journeys.ticket(t.ticketId()).getMap("$");
    int timeline = Journeys.view(t.journeyId()).getList("timeline").size();
    Map<String, Long> before = counts(t.conversationId(), t.journeyId());
    assertThat(before.values()).anyMatch(n -> n > 0);
    JsonPath r = dryRun(given().queryParam("journeyId", t.journeyId()).queryParam("candidate", candidate.toAbsolutePath().toString()))
        .statusCode(200).extract().jsonPath();
    assertThat(r.getList("base.results.id", String.class))
        .contains(t.journeyId() + "/ticket-create")
        .anyMatch(id -> !id.startsWith(t.journeyId()));
    assertThat(r.getList("base.results.outcome.flatten()", String.class)).contains("fired: MSG - Tags - pricing page");
    assertThat(r.getList("diff.changed.id", String.class)).contains(t.journeyId() + "/ticket-create");
    assertThat(r.getList("diff.changed[0].candidate", String.class)).contains("group_id: sales -> billing");
    assertThat(counts(t.conversationId(), t.journeyId())).isEqualTo(before);
    assertThat(Journeys.ticket(t.ticketId()).getMap("$")).isEqualTo(ticketBefore);
    assertThat(Journeys.view(t.journeyId()).getList("timeline")).hasSize(timeline);
  }

  @Test
  void badInputIsA400NamingTheField() throws IOException {
    refused(given().body(bytes("{\"id\": \"x\", \"kind\": \"messaging\"}\n{oops")), "body")
        .body("detail", containsString("body:1"));
    refused(given().body(bytes("{\"id\": \"x\", \"kind\": \"weather\"}")), "body");
    refused(given(), "body");
    refused(given().body(bytes("# only a comment\n")), "body");
    refused(given().queryParam("journeyId", "journey-nobody-here"), "journeyId");
    refused(given().queryParam("journeyId", "journey-x").body(bytes(EVENTS)), "body");
    refused(given().queryParam("candidate", name(tmp.resolve("missing"))).body(bytes(EVENTS)), "candidate");
    Path broken = Files.createDirectories(tmp.resolve("broken"));
    Files.writeString(broken.resolve("support-triggers.yaml"), """
        triggers:
          - title: "SUP - x"
            conditons: {all: []}
            actions: [{field: status, value: open}]
        """);
    refused(given().queryParam("candidate", name(broken)).body(bytes(EVENTS)), "candidate")
        .body("errors[0].message", containsString("support-triggers.yaml"));
    refused(given().queryParam("businessHours", "sometimes").body(bytes(EVENTS)), "businessHours");
  }

  @Test
  void aCandidateOutsideTheCandidatesDirectoryIsRefusedWithoutBeingRead() throws IOException {
    // The shipped rules are a valid rule directory, so loading them would answer 200.
    Path workflows = Path.of("workflows").toAbsolutePath();
    for (String outside : List.of(workflows.toString(), "../../workflows", "..", ".", "/etc", " ")) {
      refused(given().queryParam("candidate", outside).body(bytes(EVENTS)), "candidate")
          .body("detail", anyOf(containsString("handoff.candidates-dir"), containsString("not a valid path")));
    }
    Path link = tmp.resolve("link-to-workflows");
    Files.createSymbolicLink(link, workflows);
    refused(given().queryParam("candidate", name(link)).body(bytes(EVENTS)), "candidate")
        .body("detail", containsString("must name a directory inside handoff.candidates-dir"));
  }

  static byte[] bytes(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  static ValidatableResponse dryRun(io.restassured.specification.RequestSpecification req) {
    return req.contentType("application/x-ndjson").when().post("/api/rules/dry-run").then();
  }

  static ValidatableResponse refused(io.restassured.specification.RequestSpecification req, String field) {
    return dryRun(req).statusCode(400).contentType("application/problem+json").body("field", equalTo(field))
        .body("errors.field", hasItem(field));
  }

  /** The shipped rules with pricing tickets routed to Billing instead of Sales. */
  private Path candidateRoutingPricingToBilling() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("candidate"));
    try (Stream<Path> files = Files.list(Path.of("workflows"))) {
      for (Path f : files.toList()) {
        String text = Files.readString(f);
        if (f.getFileName().toString().equals("support-triggers.yaml")) {
          assertThat(text).contains("{ field: group_id, value: sales }");
          text = text.replace("{ field: group_id, value: sales }", "{ field: group_id, value: billing }");
        }
        Files.writeString(dir.resolve(f.getFileName()), text);
      }
    }
    return dir;
  }

  private Map<String, Long> counts() throws SQLException {
    return counts(CONVERSATION, CONVERSATION);
  }

  /**
   * Rows a side effect of a dry run on {@code conversationId} would write: its tickets and their
   * comments, its messages and the notifications keyed under {@code keyPrefix}. Scoped, because
   * journeys of other tests may still be writing.
   */
  private Map<String, Long> counts(String conversationId, String keyPrefix) throws SQLException {
    Map<String, Long> out = new java.util.TreeMap<>();
    try (Connection c = db.getConnection()) {
      for (String query : List.of("SELECT COUNT(*) FROM tickets WHERE external_id = ?",
          "SELECT COUNT(*) FROM ticket_comments WHERE ticket_id IN (SELECT id FROM tickets WHERE external_id = ?)",
          "SELECT COUNT(*) FROM outbox_message WHERE conversation_id = ?",
          "SELECT COUNT(*) FROM outbox_notification WHERE idempotency_key LIKE ?")) {
        try (var ps = c.prepareStatement(query)) {
          ps.setString(1, query.contains("LIKE") ? keyPrefix + "%" : conversationId);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            out.put(query, rs.getLong(1));
          }
        }
      }
    }
    return out;
  }
}
