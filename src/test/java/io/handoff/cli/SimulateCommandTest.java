package io.handoff.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.routing.SimulationFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

  record Run(int exit, String out, String err) {}

  static Run simulate(String... args) {
    CliRun r = CliRun.run("simulate", args);
    return new Run(r.code(), r.out(), r.err());
  }

  @Test
  void printsWhichConversationsACandidateWouldChange(@TempDir Path tmp) throws Exception {
    Path candidate = SimulationFixtures.pricingToBilling(tmp);
    Run r = simulate("--conversations", SimulationFixtures.CONVERSATIONS.toString(),
        "--candidate-workflows", candidate.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("6 conversation(s)", "2 of 6 conversation(s) change", "sim-pricing-en (final sales)",
        "  - rules pricing_sales -> sales (HANDOFF_TO_HUMAN)", "  + rules pricing_sales -> billing (HANDOFF_TO_HUMAN)",
        "agreement 83.3%, accuracy rules 100.0%, ai 100.0%")
        .doesNotContain("sim-order-en");
  }

  @Test
  void jsonHasEveryConversationAndBothReports(@TempDir Path tmp) throws Exception {
    Run r = simulate("--conversations", SimulationFixtures.CONVERSATIONS.toString(), "--json",
        "--candidate-workflows", SimulationFixtures.pricingToBilling(tmp).toString());
    assertThat(r.exit()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("changed").asInt()).isEqualTo(2);
    assertThat(json.get("results")).hasSize(6);
    assertThat(json.at("/current/report/agreement").asDouble()).isBetween(0.833, 0.834);
    assertThat(json.at("/results/0/candidate/ai/group").asText()).isEqualTo("billing");
  }

  @Test
  void aCandidateReplyTextShowsAsAChangeWithWhatTheAiWouldSay(@TempDir Path tmp) throws Exception {
    Path prompts = Files.createDirectories(tmp.resolve("prompts"));
    try (var files = Files.list(Path.of("prompts"))) {
      for (Path f : files.toList()) {
        Files.copy(f, prompts.resolve(f.getFileName()));
      }
    }
    Path replies = prompts.resolve("replies.yaml");
    String text = Files.readString(replies);
    String current = "You can follow your order with the tracking link in your shipping confirmation e-mail.";
    assertThat(text).contains(current);
    Files.writeString(replies, text.replace(current, "Your parcel can be tracked from your account page."));
    Run r = simulate("--conversations", SimulationFixtures.CONVERSATIONS.toString(), "--json",
        "--candidate-prompts", prompts.toString());
    assertThat(r.exit()).isZero();
    JsonNode order = java.util.stream.StreamSupport.stream(new ObjectMapper().readTree(r.out()).get("results").spliterator(), false)
        .filter(n -> n.get("conversationId").asText().equals("sim-order-en")).findFirst().orElseThrow();
    assertThat(order.get("changed").asBoolean()).isTrue();
    assertThat(order.at("/current/aiReply").asText()).startsWith(current);
    assertThat(order.at("/candidate/aiReply").asText()).startsWith("Your parcel can be tracked");
    Run text1 = simulate("--conversations", SimulationFixtures.CONVERSATIONS.toString());
    assertThat(text1.out()).contains("ai says: " + current);
  }

  @Test
  void withoutACandidateEveryConversationIsListed() {
    Run r = simulate("--conversations", SimulationFixtures.CONVERSATIONS.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("sim-order-en", "rules order_delivery -> logistics").doesNotContain("candidate");
  }

  @Test
  void invalidInputExitsOneWithTheReason(@TempDir Path tmp) throws Exception {
    Path bad = Files.writeString(tmp.resolve("bad.jsonl"), "{\"conversationId\": \"x\"}\n");
    Run r = simulate("--conversations", bad.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("bad.jsonl:1:");
    Path rules = SimulationFixtures.pricingToBilling(tmp);
    Files.writeString(rules.resolve("support-triggers.yaml"), "triggers: [{title: x, conditons: {}}]\n");
    Run invalid = simulate("--conversations", SimulationFixtures.CONVERSATIONS.toString(),
        "--candidate-workflows", rules.toString());
    assertThat(invalid.exit()).isEqualTo(1);
    assertThat(invalid.err()).contains("support-triggers.yaml");
  }
}
