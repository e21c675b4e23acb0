package io.handoff.intent.offline;

import java.util.Set;

/**
 * A pretrained sentence encoder the offline classifier may add to its lexical features
 * ({@code handoff.ai.offline.embeddings}). It is used only for messages (and trained only on exemplars)
 * in the languages it declares: an encoder trained on English text puts French sentences near each
 * other by language, not by meaning.
 */
public interface SentenceEncoder {

  /** Short name recorded in the classifier version, e.g. {@code minilm-l6-v2-q}. */
  String name();

  /** Languages (the taxonomy's codes) whose messages and exemplars are encoded. */
  Set<String> languages();

  /** Length of every vector {@link #embed} returns. */
  int dimension();

  /** The sentence's vector, L2-normalised. Thread-safe. */
  float[] embed(String text);
}
