package io.handoff.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.messaging.MessagingDecision;
import io.handoff.messaging.MessagingEffect;
import io.handoff.messaging.MessagingEngine;
import io.handoff.messaging.MessagingEvent;
import io.handoff.messaging.MessagingFacts;
import io.handoff.trigger.BusinessCalendar;
import io.handoff.trigger.DynamicContent;
import io.handoff.trigger.DynamicContentLoader;
import io.handoff.yaml.Loaded;
import io.handoff.yaml.RuleFileError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DynamicContentTest {

  static final Path WORKFLOWS = Path.of("workflows");
  static final Set<String> SHIPPED = Set.of("en", "fr", "es", "de", "pt", "it", "nl", "ja");

  static List<String> errors(Loaded<?> loaded) {
    return loaded.errors().stream().map(RuleFileError::toString).toList();
  }

  @Test
  void everyShippedItemHasTheSevenLanguagesAndJapaneseBesideEnglish() {
    DynamicContent dc = DynamicContentLoader.load(WORKFLOWS).orThrow();
    assertThat(dc.items()).isNotEmpty();
    dc.items().values().forEach(item -> {
      assertThat(item.variants().keySet()).as(item.name()).isEqualTo(SHIPPED);
      assertThat(item.fallback()).isEqualTo("en");
    });
    RuleSetLoad load = RuleSetLoader.load(WORKFLOWS);
    assertThat(load.errors()).isEmpty();
  }

  @Test
  void theWelcomeIsSentInTheCustomersLanguageWithTheFallbackForOthers() {
    var rules = RuleSetLoader.load(WORKFLOWS).ruleSet();
    assertThat(welcome(rules, null, "fr-CA"))
        .isEqualTo("Bonjour Ana, merci de nous avoir contactés ! Un conseiller vous répondra d'ici quelques minutes.");
    assertThat(welcome(rules, null, "ja"))
        .isEqualTo("Ana様、お問い合わせありがとうございます。約数分で担当者が対応いたします。");
    // the detected language of the conversation comes before the locale
    assertThat(welcome(rules, "de", "fr")).startsWith("Hallo Ana, danke für Ihre Nachricht!")
        .endsWith("in wenigen Minuten bei Ihnen.");
    assertThat(welcome(rules, "ko", "ko-KR"))
        .isEqualTo("Hi Ana, thanks for reaching out! An agent will be with you in about a few minutes.");
    assertThat(welcome(rules, null, null)).startsWith("Hi Ana, thanks for reaching out!");
  }

  private static String welcome(io.handoff.rules.RuleSet rules, String detected, String locale) {
    MessagingFacts facts = MessagingFacts.builder("c-1", MessagingEvent.CONVERSATION_STARTED,
        Instant.parse("2026-03-02T10:00:00Z")).customer("Ana", "ana@example.com").language(detected).locale(locale)
        .build();
    MessagingDecision d = new MessagingEngine(rules.messaging()).evaluate("k", facts, BusinessCalendar.ALWAYS_OPEN);
    return d.effects().stream().filter(e -> e.kind() == io.handoff.messaging.MessagingActionType.SEND_MESSAGE)
        .map(MessagingEffect::text).findFirst().orElseThrow();
  }

  @Test
  void languagesComeFromTheDetectedLanguageThenTheLocale() {
    assertThat(DynamicContent.languages("fr", "ja-JP")).containsExactly("fr", "ja");
    assertThat(DynamicContent.languages("und", "pt_BR")).containsExactly("pt");
    assertThat(DynamicContent.languages(null, null)).isEmpty();
  }

  @Test
  void theFileReportsUnknownLanguagesAndMissingFallbacksWithTheirLines() {
    Loaded<DynamicContent> bad = DynamicContentLoader.parse("dc.yaml", """
        items:
          welcome:
            en: "Hi"
            xx: "??"
          bye:
            fr: "Au revoir"
          thanks:
            default: de
            en: "Thanks"
          nested:
            default: en
            en: "{{dc.welcome}}"
          Bad-Name:
            default: en
            en: "x"
        """);
    assertThat(bad.value()).isNull();
    assertThat(errors(bad)).containsExactly(
        "dc.yaml:4: rule \"dc.welcome\": unknown language code \"xx\" (ISO 639-1 in lower case, e.g. en, fr, ja)",
        "dc.yaml:3: rule \"dc.welcome\": no fallback language: add \"default: <language>\" (or default_language at the top)",
        "dc.yaml:6: rule \"dc.bye\": no fallback language: add \"default: <language>\" (or default_language at the top)",
        "dc.yaml:8: rule \"dc.thanks\": the fallback language \"de\" has no text in this item",
        "dc.yaml:12: rule \"dc.nested\": a dynamic content text cannot use another item ({{dc.welcome}})",
        "dc.yaml:14: rule \"dc.Bad-Name\": item names are lower-case letters, digits and _ (used as {{dc.Bad-Name}})");
    Loaded<DynamicContent> badDefault = DynamicContentLoader.parse("dc.yaml", "default_language: english\nitems: {}\n");
    assertThat(errors(badDefault)).containsExactly(
        "dc.yaml:1: default_language: unknown language code \"english\" (ISO 639-1 in lower case, e.g. en, fr, ja)");
  }

  @Test
  void aRuleFileMayOnlyUseDefinedItemsWhosePlaceholdersItCanFill(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("dynamic-content.yaml"), """
        default_language: en
        items:
          hello:
            en: "Hi {{customer.name}}"
            fr: "Bonjour {{customer.name}}"
          ticket_note:
            en: "Ticket {{ticket.id}}"
        """);
    Files.writeString(dir.resolve("messaging-triggers.yaml"), """
        triggers:
          - title: "Welcome"
            run_trigger: conversation_started
            conditions:
              all:
                - { field: account_status, operator: is_not, value: invisible }
            actions:
              - { field: send_message, value: "{{dc.hello}}" }
          - title: "Bye"
            run_trigger: conversation_ended
            conditions:
              all:
                - { field: account_status, operator: is_not, value: invisible }
            actions:
              - { field: send_message, value: "{{dc.goodbye}} {{dc.ticket_note}}" }
        """);
    Files.writeString(dir.resolve("sla-policies.yaml"), """
        # {{dc.hello}} in a comment is not a use
        policies:
          - name: P
            on_breach:
              - {internal_note: "{{dc.hello}}"}
            targets:
              first_reply_time: {normal: 1h}
        """);
    List<String> errors = RuleSetLoader.load(dir).errors().stream().map(RuleFileError::toString).toList();
    assertThat(errors).containsExactly(
        dir.resolve("messaging-triggers.yaml") + ":15: unknown dynamic content {{dc.goodbye}}: define it in"
            + " dynamic-content.yaml (defined: hello, ticket_note)",
        dir.resolve("messaging-triggers.yaml") + ":15: {{dc.ticket_note}} (en) uses {{ticket.id}}, which this"
            + " file's texts cannot fill",
        dir.resolve("sla-policies.yaml") + ":5: {{dc.hello}}: dynamic content is for texts customers and agents"
            + " read, in automations.yaml, inactivity.yaml, messaging-triggers.yaml, support-triggers.yaml");
  }
}
