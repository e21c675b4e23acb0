package io.handoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** dry-run input: unknown enum values are errors naming line and field; Zendesk audits; --json as data. */
class DryRunInputTest {

  static final Path EQ = Path.of("src/test/resources/zendesk-import/equivalence");

  static CliRun run(String... args) {
    return CliRun.run("dry-run", args);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "\"status\": \"Neww\"|update.after.status: unknown value \"Neww\" (new, open, pending, hold, solved, closed)",
      "\"status\": \"new\", \"priority\": \"hi\"|update.after.priority: unknown value \"hi\" (low, normal, high, urgent)",
      "\"status\": \"new\", \"type\": \"questoin\"|update.after.type: unknown value \"questoin\" (question, incident, problem, task)"})
  void anUnknownValueIsAnErrorNamingTheLineAndTheField(String fields, String message, @TempDir Path tmp)
      throws Exception {
    Path f = tmp.resolve("events.jsonl");
    Files.writeString(f, "# first line is a comment\n{\"id\": \"x\", \"kind\": \"support\", \"update\": {\"idempotencyKey\":"
        + " \"k\", \"before\": null, \"after\": {\"id\": \"T-1\", " + fields + "}}}\n");
    CliRun r = run("--events", f.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().trim()).isEqualTo(f + ":2: " + message);
  }

  @Test
  void jsonGivesTheFinalTicketAndTheNotificationsAsData() throws Exception {
    CliRun r = run("--events", "src/test/resources/rules/dry-run/events.jsonl", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode results = new ObjectMapper().readTree(r.out()).path("results");
    JsonNode c1 = null;
    for (JsonNode n : results) {
      if (n.path("id").asText().equals("c1-ticket")) {
        c1 = n;
      }
    }
    assertThat(c1).isNotNull();
    assertThat(c1.path("ticket").path("group").asText()).isEqualTo("sales");
    assertThat(c1.path("ticket").path("priority").asText()).isEqualTo("high");
    JsonNode email = c1.path("notifications").path(0);
    assertThat(email.path("kind").asText()).isEqualTo("EMAIL");
    assertThat(email.path("recipient").asText()).isEqualTo("sales.manager@example.com");
    assertThat(email.path("subject").asText()).isEqualTo("Enterprise pricing request #T-1");
    assertThat(c1.path("notifications").path(1).path("kind").asText()).isEqualTo("WEBHOOK");
  }

  @Test
  void zendeskAuditsAreDryRunInput() throws Exception {
    CliRun r = run("--audits", EQ.resolve("audits-match.json").toString(), "--dir", "workflows",
        "--mapping", EQ.resolve("zendesk-mapping.yaml").toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode first = new ObjectMapper().readTree(r.out()).path("results").path(0);
    assertThat(first.path("id").asText()).isEqualTo("ticket 501 audit 1001");
    assertThat(first.path("kind").asText()).isEqualTo("support");
    assertThat(first.path("ticket").path("id").asText()).isEqualTo("501");
  }

  @Test
  void eventsAndAuditsTogetherAreRefused() {
    CliRun r = run("--events", "a", "--audits", "b");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("give exactly one of --events and --audits");
  }

  @Test
  void aMalformedAuditFileNamesItsPosition() {
    CliRun r = run("--audits", EQ.resolve("audits-malformed.json").toString(), "--dir", "workflows");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("audits-malformed.json:");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Create|status|Neww|unknown value \"Neww\" (new, open, pending, hold, solved, closed)",
      "Change|priority|urgentt|unknown value \"urgentt\" (low, normal, high, urgent)",
      "Create|type|questoin|unknown value \"questoin\" (question, incident, problem, task)"})
  void anUnknownValueInAZendeskAuditIsAnErrorNamingTheAuditAndTheEvent(String event, String field, String value,
      String message, @TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("audits.json");
    Files.writeString(f, "{\"audits\": [\n"
        + "  {\"id\": 1001, \"ticket_id\": 501, \"created_at\": \"2026-11-20T09:00:00Z\", \"author_id\": 111,\n"
        + "   \"events\": [{\"id\": 1, \"type\": \"Comment\", \"body\": \"Hi\", \"public\": true},\n"
        + "     {\"id\": 2, \"type\": \"" + event + "\", \"field_name\": \"" + field + "\", \"value\": \"" + value
        + "\"}]}]}\n");
    CliRun r = run("--audits", f.toString(), "--dir", "workflows");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains(f + ":1:1 audits[0]: events[1] (" + event + " of " + field + "): " + message);
  }

  @Test
  void aZendeskAuditsKnownValuesInAnyCaseAreAccepted(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("audits.json");
    Files.writeString(f, "{\"audits\": [{\"id\": 1, \"ticket_id\": 7, \"created_at\": \"2026-11-20T09:00:00Z\","
        + " \"author_id\": 111, \"events\": [{\"id\": 2, \"type\": \"Create\", \"field_name\": \"status\","
        + " \"value\": \"Open\"}, {\"id\": 3, \"type\": \"Create\", \"field_name\": \"priority\", \"value\": null}]}]}");
    CliRun r = run("--audits", f.toString(), "--dir", "workflows");
    assertThat(r.code()).as(r.err()).isZero();
  }

  @Test
  void anEventsOccurredAtIsItsTimeAsOverRestAndAConflictingUpdateAtIsAnError(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("events.jsonl");
    Files.writeString(f, "{\"id\": \"m\", \"kind\": \"messaging\", \"occurredAt\": \"2026-11-28T21:30:00Z\","
        + " \"facts\": {\"conversationId\": \"c1\", \"event\": \"conversation_started\"}}\n");
    CliRun ok = run("--events", f.toString(), "--json");
    assertThat(ok.code()).as(ok.err()).isZero();
    Files.writeString(f, "{\"id\": \"x\", \"kind\": \"support\", \"occurredAt\": \"2026-11-28T21:30:00Z\","
        + " \"update\": {\"idempotencyKey\": \"k\", \"before\": null, \"after\": {\"id\": \"T-1\","
        + " \"status\": \"new\"}, \"at\": \"2026-11-28T22:00:00Z\"}}\n");
    CliRun conflict = run("--events", f.toString());
    assertThat(conflict.code()).isEqualTo(1);
    assertThat(conflict.err().trim()).isEqualTo(f + ":1: occurredAt: is 2026-11-28T21:30:00Z but update.at is"
        + " 2026-11-28T22:00:00Z: give the time once");
    Files.writeString(f, "{\"id\": \"x\", \"kind\": \"support\", \"occurredAt\": \"yesterday\","
        + " \"update\": {\"idempotencyKey\": \"k\", \"before\": null, \"after\": {\"id\": \"T-1\"}}}\n");
    CliRun bad = run("--events", f.toString());
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains(f + ":1: occurredAt: \"yesterday\" is not an ISO-8601 time");
  }
}
