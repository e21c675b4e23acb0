package io.handoff.intent.replies;

import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.intent.HandoffDecision;
import io.handoff.yaml.Loaded;
import io.handoff.yaml.RuleFileError;
import io.handoff.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AiRepliesLoaderTest {
  static final Set<String> INTENTS = Set.of("order_delivery", "billing", "other");

  static Loaded<AiReplies> load(String yaml) {
    return AiRepliesLoader.load(YamlReader.of("replies.yaml", yaml), INTENTS);
  }

  @Test
  void theShippedRepliesAreValidAndCoverEveryTaxonomyLanguage() {
    var taxonomy = io.handoff.intent.taxonomy.TaxonomyLoader.load(Path.of("prompts/taxonomy.yaml")).orThrow();
    AiReplies replies = AiRepliesLoader.load(Path.of("prompts"), Set.copyOf(taxonomy.intentNames())).orThrow();
    assertThat(replies.clarify().keySet()).containsAll(taxonomy.languages());
    assertThat(replies.handoff().keySet()).containsAll(taxonomy.languages());
    replies.answerableIntents().forEach(i -> assertThat(replies.resolve().get(i).keySet()).containsAll(taxonomy.languages()));
  }

  @Test
  void theShippedRepliesLetTheAiResolveOnlyIntentsWithASpecificAnswer() {
    AiReplies replies = AiRepliesLoader.forPrompts(Path.of("prompts"));
    assertThat(replies.answerableIntents()).containsExactlyInAnyOrder("order_delivery", "account_access");
    assertThat(replies.resolve()).doesNotContainKey(AiReplies.DEFAULT_INTENT);
  }

  @Test
  void aHandoffIsAcknowledgedInTheCustomersLanguageOrElseTheDefaultLanguage() {
    AiReplies r = load("""
        defaultLanguage: en
        handoff: {en: A person will answer, es: Una persona le responderá}
        resolve:
          default: {en: See the help center}
        """).orThrow();
    assertThat(r.reply(HandoffDecision.HANDOFF_TO_HUMAN, "billing", "es"))
        .contains(new AiReplies.Reply("Una persona le responderá", "es"));
    assertThat(r.reply(HandoffDecision.HANDOFF_TO_HUMAN, "billing", "ja"))
        .contains(new AiReplies.Reply("A person will answer", "en"));
    assertThat(r.answerableIntents()).isEmpty();
  }

  @Test
  void aReplyIsInTheCustomersLanguageOrElseTheDefaultLanguage() {
    AiReplies r = load("""
        defaultLanguage: en
        clarify: {en: Tell me more, fr: Dites-m'en plus}
        resolve:
          default: {en: See the help center}
          order_delivery: {en: Track it, de: Verfolgen Sie es}
        """).orThrow();
    assertThat(r.reply(HandoffDecision.ASK_CLARIFICATION, "billing", "fr")).contains(new AiReplies.Reply("Dites-m'en plus", "fr"));
    assertThat(r.reply(HandoffDecision.ASK_CLARIFICATION, "billing", "de")).contains(new AiReplies.Reply("Tell me more", "en"));
    assertThat(r.reply(HandoffDecision.AI_RESOLVES, "order_delivery", "de")).contains(new AiReplies.Reply("Verfolgen Sie es", "de"));
    assertThat(r.reply(HandoffDecision.AI_RESOLVES, "billing", "de")).contains(new AiReplies.Reply("See the help center", "en"));
    assertThat(r.reply(HandoffDecision.AI_RESOLVES, null, null)).contains(new AiReplies.Reply("See the help center", "en"));
    assertThat(r.reply(HandoffDecision.HANDOFF_TO_HUMAN, "billing", "en")).as("no handoff texts").isEmpty();
  }

  @Test
  void withoutTheFileTheAiSaysNothing(@TempDir Path dir) {
    AiReplies r = AiRepliesLoader.load(dir, INTENTS).orThrow();
    assertThat(r.reply(HandoffDecision.ASK_CLARIFICATION, "other", "en")).isEmpty();
    assertThat(r.reply(HandoffDecision.AI_RESOLVES, "other", "en")).isEmpty();
  }

  @Test
  void everyProblemIsReportedWithItsLine() {
    Loaded<AiReplies> r = load("""
        defaultLanguage: en
        clarify:
          fr: Dites-m'en plus
          english: Tell me more
        resolve:
          shipping: {en: Track it}
          billing: {en: ""}
        tone: friendly
        """);
    assertThat(r.ok()).isFalse();
    assertThat(r.errors()).extracting(RuleFileError::line, RuleFileError::message).contains(
        org.assertj.core.groups.Tuple.tuple(4, "clarify: \"english\" is not a two-letter language code"),
        org.assertj.core.groups.Tuple.tuple(3, "clarify has no text in the default language en"),
        org.assertj.core.groups.Tuple.tuple(6, "unknown intent \"shipping\" (the taxonomy's intents, or default)"),
        org.assertj.core.groups.Tuple.tuple(7, "resolve.billing.en is empty"),
        org.assertj.core.groups.Tuple.tuple(8, "unknown key \"tone\" in the replies file (allowed: clarify, defaultLanguage, handoff, resolve)"));
  }
}
