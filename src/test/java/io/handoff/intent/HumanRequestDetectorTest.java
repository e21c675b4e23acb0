package io.handoff.intent;

import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.intent.policy.HumanRequestDetector;
import io.handoff.intent.policy.HumanRequestsLoader;
import io.handoff.yaml.RuleFileError;
import io.handoff.yaml.YamlReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped human-request patterns (prompts/human-requests.yaml), on sentences written for this test. */
class HumanRequestDetectorTest {
  static final HumanRequestDetector SHIPPED = HumanRequestsLoader.load(Path.of("prompts")).orThrow();

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "en|I want to talk to a person",
      "en|agent please",
      "en|Agent!",
      "en|Can I speak with someone from your team?",
      "en|stop, I don't want a bot, put me through to a human",
      "es|humano",
      "es|Quiero hablar con un agente, por favor",
      "es|¿Me pasa con una persona real?",
      "fr|Je voudrais parler à un conseiller",
      "fr|passez-moi un humain svp",
      "de|Ich möchte mit einem Mitarbeiter sprechen",
      "pt|Quero falar com um atendente",
      "it|Vorrei parlare con un operatore",
      "nl|Kan ik met een medewerker spreken?",
      "tr|Bir temsilciyle görüşmek istiyorum",
      "mr|मला एजंटशी बोलायचे आहे",
      "am|ከሰው ጋር ማውራት እፈልጋለሁ",
      "ja|オペレーターと話したいです",
      "ja|人間の担当者につないでください",
      "zh|我要人工客服",
      "zh|请帮我转人工",
      "ko|상담원 연결해 주세요",
      "ar|أريد التحدث مع موظف",
      "ru|Соедините меня с оператором",
      "hi|मुझे किसी इंसान से बात करनी है",
      "pl|Chcę porozmawiać z konsultantem"})
  void findsExplicitRequestsForAHumanInManyLanguagesAndScripts(String language, String text) {
    assertThat(SHIPPED.detect(text)).as(language + ": " + text).isPresent();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Where is my parcel?",
      "How much does the enterprise plan cost?",
      "The app crashes when I log in",
      "j'ai été débité deux fois",
      "Hola, ¿cuánto cuesta el plan Enterprise?",
      "A room for two persons, please",
      "How do I take money out of a cash machine?",
      "I need to transfer money to someone else",
      "My password reset e-mail never arrived",
      "Can I pay by invoice?"})
  void leavesOrdinaryQuestionsToTheClassifier(String text) {
    assertThat(SHIPPED.detect(text)).as(text).isEmpty();
  }

  @Test
  void aMatchNamesThePatternsFileLineAndLanguage() {
    var m = SHIPPED.detect("Let me talk to a real person").orElseThrow();
    assertThat(m.describe()).matches("explicit request for a human \".+\" \\(.*human-requests.yaml:\\d+, en\\)");
  }

  @Test
  void everyProblemOfThePatternsFileIsReportedWithItsLine() {
    var r = HumanRequestsLoader.load(YamlReader.of("human-requests.yaml", """
        languages:
          en:
            - '(unclosed'
            - '.*'
          english:
            - 'agent'
          fr: []
        tone: polite
        """));
    assertThat(r.ok()).isFalse();
    assertThat(r.errors()).extracting(RuleFileError::line, RuleFileError::message).contains(
        org.assertj.core.groups.Tuple.tuple(3, "invalid regex \"(unclosed\": Unclosed group"),
        org.assertj.core.groups.Tuple.tuple(4, "languages.en: pattern \".*\" matches every message"),
        org.assertj.core.groups.Tuple.tuple(5, "\"english\" is not a language code (two or three lower-case letters)"),
        org.assertj.core.groups.Tuple.tuple(7, "languages.fr has no pattern"),
        org.assertj.core.groups.Tuple.tuple(8, "unknown key \"tone\" in the human-requests file (allowed: languages)"));
    assertThat(r.errors().get(0).toString()).startsWith("human-requests.yaml:");
  }
}
