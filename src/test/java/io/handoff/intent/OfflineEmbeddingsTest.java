package io.handoff.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.handoff.intent.eval.EvalRunner;
import io.handoff.intent.eval.LabeledExample;
import io.handoff.intent.eval.LabeledFile;
import io.handoff.intent.offline.MiniLmEncoder;
import io.handoff.intent.offline.OfflineIntentClassifier;
import io.handoff.intent.taxonomy.Taxonomy;
import io.handoff.intent.taxonomy.TaxonomyLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code handoff.ai.offline.embeddings=minilm}: English messages are scored with the bundled MiniLM
 * sentence embedding beside the lexical features; every other language goes through the lexical model
 * exactly as with {@code builtin}. Fixtures: 4 banking intents with exemplars in en, fr, es, and English
 * paraphrases that share almost no word with the exemplars.
 */
class OfflineEmbeddingsTest {
  static final Path EXEMPLARS = Path.of("src/test/resources/eval/paraphrase-exemplars.jsonl");
  static final Path PARAPHRASES = Path.of("src/test/resources/eval/paraphrase-test.jsonl");
  static OfflineIntentClassifier builtin;
  static OfflineIntentClassifier minilm;

  @BeforeAll
  static void build() throws Exception {
    Taxonomy t = TaxonomyLoader.load(Path.of("prompts/taxonomy.yaml")).orThrow()
        .withExemplars(LabeledFile.readExemplars(EXEMPLARS), "paraphrase-fixture");
    builtin = new OfflineIntentClassifier(t);
    minilm = new OfflineIntentClassifier(t, new MiniLmEncoder());
  }

  private static Classification classify(OfflineIntentClassifier c, String text) {
    return c.classify(ClassificationRequest.ofText("c", text));
  }

  @Test
  void englishParaphrasesWithoutSharedWordsAreUnderstoodThroughTheEmbedding() throws Exception {
    List<LabeledExample> test = LabeledFile.read(PARAPHRASES);
    double withEmbedding = new EvalRunner(minilm, null, null).run(test, i -> { }).accuracy();
    double lexical = new EvalRunner(builtin, null, null).run(test, i -> { }).accuracy();
    assertThat(withEmbedding).as("MiniLM accuracy on the 8 paraphrases").isGreaterThanOrEqualTo(0.75);
    assertThat(withEmbedding).as("MiniLM beats the lexical model (%.3f)", lexical).isGreaterThan(lexical);
  }

  @Test
  void anEnglishClassificationNamesTheEncoderInItsVersionAndReason() {
    Classification c = classify(minilm, "The plastic you posted to me never showed up");
    assertThat(c.language()).isEqualTo("en");
    assertThat(c.classifierVersion()).startsWith("tfidf-charngram-linear-1+minilm-l6-v2-q+taxonomy-");
    assertThat(c.reason()).contains("minilm-l6-v2-q sentence embedding");
    assertThat(c.classifier()).isEqualTo("offline");
    assertThat(c.confidence()).isBetween(0.0, 1.0);
    double sum = c.topIntents().stream().mapToDouble(IntentScore::score).sum();
    assertThat(sum).as("a softmax over the 4 intents").isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Ma carte bancaire n'est pas encore arrivée", "Je voudrais fermer mon compte",
      "¿Cuánto cuesta enviar una transferencia?", "Quiero cambiar el PIN de mi tarjeta"})
  void otherLanguagesAreClassifiedExactlyAsWithTheBuiltinModel(String text) {
    Classification b = classify(builtin, text);
    Classification m = classify(minilm, text);
    assertThat(m.language()).isNotEqualTo("en");
    assertThat(m.intent()).isEqualTo(b.intent());
    assertThat(m.confidence()).isEqualTo(b.confidence());
    assertThat(m.topIntents()).isEqualTo(b.topIntents());
    assertThat(m.reason()).isEqualTo(b.reason());
    assertThat(m.classifierVersion()).isEqualTo(builtin.version()).doesNotContain("minilm");
  }

  @Test
  void anUnknownEmbeddingsValueIsRefusedNamingTheKeyAndTheChoices() {
    assertThatThrownBy(() -> new ClassifierFactory(Path.of("prompts"), Path.of("workflows"), null, "bert"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("handoff.ai.offline.embeddings: unknown value \"bert\" (builtin, minilm)");
  }

  @Test
  void theFactoryBuildsTheEncoderOnlyForMinilm() {
    var withMinilm = new ClassifierFactory(Path.of("prompts"), Path.of("workflows"), null, "minilm").offline(null);
    var plain = new ClassifierFactory(Path.of("prompts"), Path.of("workflows"), null, "builtin").offline(null);
    assertThat(withMinilm.encoder()).isInstanceOf(MiniLmEncoder.class);
    assertThat(withMinilm.encoder().languages()).containsExactly("en");
    assertThat(plain.encoder()).isNull();
  }
}
