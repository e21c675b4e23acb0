package io.handoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sla-dry-run}: every clock's due, paused, fulfilled, warning and breach instants for recorded updates. */
class SlaDryRunCommandTest {

  static final Path DIR = Path.of("src/test/resources/sla/dry-run");
  static final Path EVENTS = DIR.resolve("events.jsonl");

  static CliRun run(String... args) {
    return CliRun.run("sla-dry-run", args);
  }

  @Test
  void printsEveryInstantOfEveryClockInTimeOrder() {
    CliRun r = run("--events", EVENTS.toString(), "--dir", DIR.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).containsSubsequence(
        "ticket T-1: policy \"Urgent\", priority urgent",
        "2026-11-24T10:00:00Z  first_reply_time       running, due 2026-11-24T10:30:00Z  [t1-create]",
        "2026-11-24T10:00:00Z  requester_wait_time    running, due 2026-11-24T12:00:00Z  [t1-create]",
        "2026-11-24T10:15:00Z  first_reply_time       WARNING 50%",
        "2026-11-24T10:30:00Z  first_reply_time       BREACH -> add_tag sla_breached",
        "2026-11-24T10:40:00Z  first_reply_time       fulfilled  [t1-reply]",
        "2026-11-24T10:40:00Z  requester_wait_time    paused  [t1-reply]",
        // 40 minutes ran before the pause: the remaining 80 are due 80 minutes after the customer's reply.
        "2026-11-24T11:40:00Z  requester_wait_time    running, due 2026-11-24T13:00:00Z  [t1-customer]",
        "2026-11-24T12:00:00Z  requester_wait_time    WARNING 50%",
        "2026-11-24T12:00:00Z  requester_wait_time    fulfilled  [t1-solve]",
        "end  first_reply_time       fulfilled, target 30m calendar, due 2026-11-24T10:30:00Z, BREACHED",
        "ticket T-2: policy \"Business hours\", priority normal",
        // Friday 18:30 in Paris: the 2 business hours run Monday 09:00-11:00 Paris time.
        "2026-11-27T17:30:00Z  first_reply_time       running, due 2026-11-30T10:00:00Z  [t2-create]",
        "2026-11-30T10:00:00Z  first_reply_time       BREACH",
        "end  first_reply_time       running, target 2h business hours (paris)");
  }

  @Test
  void untilStopsTheProjectionAndJsonGivesTheEntriesAsData() throws Exception {
    CliRun r = run("--events", EVENTS.toString(), "--dir", DIR.toString(), "--until", "2026-11-28T00:00:00Z", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(r.out());
    JsonNode t1 = report.path("tickets").path(0);
    assertThat(t1.path("ticketId").asText()).isEqualTo("T-1");
    List<String> kinds = new ArrayList<>();
    t1.path("entries").forEach(e -> kinds.add(e.path("metric").asText() + " " + e.path("kind").asText()
        + " " + e.path("at").asText()));
    assertThat(kinds).containsExactly(
        "first_reply_time running 2026-11-24T10:00:00Z", "requester_wait_time running 2026-11-24T10:00:00Z",
        "first_reply_time warning 2026-11-24T10:15:00Z", "first_reply_time breach 2026-11-24T10:30:00Z",
        "first_reply_time fulfilled 2026-11-24T10:40:00Z", "requester_wait_time paused 2026-11-24T10:40:00Z",
        "requester_wait_time running 2026-11-24T11:40:00Z", "requester_wait_time warning 2026-11-24T12:00:00Z",
        "requester_wait_time fulfilled 2026-11-24T12:00:00Z");
    assertThat(t1.path("entries").path(3).path("actions").path(0).asText()).isEqualTo("add_tag sla_breached");
    JsonNode t2 = report.path("tickets").path(1);
    assertThat(t2.path("entries")).hasSize(1);
    assertThat(t2.path("end").path(0).path("dueAt").asText()).isEqualTo("2026-11-30T10:00:00Z");
    assertThat(t2.path("end").path(0).path("breached").asBoolean()).isFalse();
  }

  @Test
  void acceptsZendeskAuditsThroughTheMapping() {
    Path eq = Path.of("src/test/resources/zendesk-import/equivalence");
    CliRun r = run("--audits", eq.resolve("audits-match.json").toString(), "--dir", "workflows",
        "--mapping", eq.resolve("zendesk-mapping.yaml").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("ticket 501: policy \"Standard\", priority high")
        .contains("first_reply_time       running, due 2026-11-20T11:00:00Z");
  }

  @Test
  void inZendeskAuditsAnAgentsPublicCommentFulfilsFirstReplyAndTheRequestersResumesTheirWait() {
    // Audit 2 is by user 555 (not the requester): an agent's public reply; audit 3 the requester's own.
    CliRun r = run("--audits", "src/test/resources/sla/dry-run-audits/agent-reply.json", "--dir", DIR.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).containsSubsequence(
        "ticket 77: policy \"Urgent\", priority urgent",
        "2026-11-24T10:00:00Z  first_reply_time       running, due 2026-11-24T10:30:00Z  [1]",
        "2026-11-24T10:20:00Z  first_reply_time       fulfilled  [2]",
        "2026-11-24T10:20:00Z  requester_wait_time    paused  [2]",
        "2026-11-24T10:50:00Z  requester_wait_time    running, due 2026-11-24T12:30:00Z  [3]",
        "end  first_reply_time       fulfilled, target 30m calendar");
    assertThat(r.out()).doesNotContain("first_reply_time       BREACH");
  }

  @Test
  void aFilterOnBusinessHoursIsJudgedAtTheUpdatesTimeNotAtTheTicketsOwnStamp(@TempDir Path tmp) throws Exception {
    Files.copy(DIR.resolve("business-hours.yaml"), tmp.resolve("business-hours.yaml"));
    Files.writeString(tmp.resolve("sla-policies.yaml"), """
        policies:
          - name: Out of hours
            filter: {all: [{field: in_business_hours, operator: is, value: "false"}]}
            targets:
              first_reply_time: {normal: 8h}
          - name: Office hours
            targets:
              first_reply_time: {normal: 1h}
        """);
    // Saturday 22:30 in Paris; the ticket's own stamp (a helpdesk writing it later) is Monday 10:00.
    Path events = tmp.resolve("events.jsonl");
    Files.writeString(events, "{\"id\": \"sat\", \"kind\": \"support\", \"update\": {\"idempotencyKey\": \"sat\","
        + " \"before\": null, \"after\": {\"id\": \"T-5\", \"status\": \"new\", \"priority\": \"normal\","
        + " \"updatedAt\": \"2026-11-30T09:00:00Z\"}, \"at\": \"2026-11-28T21:30:00Z\"}}\n");
    CliRun r = run("--events", events.toString(), "--dir", tmp.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("ticket T-5: policy \"Out of hours\"");
  }

  @Test
  void anUpdatesOccurredAtIsItsTimeAsInTheRestDryRun(@TempDir Path tmp) throws Exception {
    Path events = tmp.resolve("events.jsonl");
    Files.writeString(events, "{\"id\": \"c\", \"kind\": \"support\", \"occurredAt\": \"2026-11-24T10:00:00Z\","
        + " \"update\": {\"idempotencyKey\": \"c\", \"before\": null, \"after\": {\"id\": \"T-9\", \"status\":"
        + " \"new\", \"priority\": \"urgent\"}}}\n");
    CliRun r = run("--events", events.toString(), "--dir", DIR.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("2026-11-24T10:00:00Z  first_reply_time       running, due 2026-11-24T10:30:00Z  [c]");
  }

  @Test
  void anUpdateWithoutItsTimeIsAnErrorNamingIt(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("e.jsonl");
    Files.writeString(f, "{\"id\": \"no-time\", \"kind\": \"support\", \"update\": {\"idempotencyKey\": \"k\","
        + " \"before\": null, \"after\": {\"id\": \"T-9\", \"status\": \"new\"}}}\n");
    CliRun r = run("--events", f.toString(), "--dir", DIR.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("event \"no-time\": update.at is missing (or after.updatedAt)");
  }

  @Test
  void aBadLineIsAnErrorWithItsLine(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("e.jsonl");
    Files.writeString(f, "# comment\n{\"id\": \"x\", \"kind\": \"support\", \"update\": {\"after\": {\"id\": 1}, \"bogus\": 1}}\n");
    CliRun r = run("--events", f.toString(), "--dir", DIR.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains(f + ":2: ");
  }

  @Test
  void aBadUntilIsNamed() {
    CliRun r = run("--events", EVENTS.toString(), "--dir", DIR.toString(), "--until", "tomorrow");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("--until: \"tomorrow\" is not an ISO-8601 instant");
  }

  @Test
  void aDirectoryWithoutPoliciesIsReportedAsFileLine(@TempDir Path tmp) throws Exception {
    Files.copy(DIR.resolve("business-hours.yaml"), tmp.resolve("business-hours.yaml"));
    CliRun r = run("--events", EVENTS.toString(), "--dir", tmp.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains(tmp.resolve("sla-policies.yaml") + ":0: file not found");
  }
}
