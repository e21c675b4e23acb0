/**
 * The embedded default classifier: OpenNLP language identification, then a linear model over character
 * n-gram and word TF-IDF features learnt from the taxonomy's exemplars, optionally with MiniLM sentence
 * embeddings for English.
 *
 * <p>Entry point: {@link io.handoff.intent.offline.OfflineIntentClassifier}; also
 * {@link io.handoff.intent.offline.LanguageIdentifier} and
 * {@link io.handoff.intent.offline.SentenceEncoder}.
 *
 * <p>Uses {@code intent} and {@code intent.taxonomy} only; no CDI, no Temporal, no network.
 */
package io.handoff.intent.offline;
