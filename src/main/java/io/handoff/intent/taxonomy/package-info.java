/**
 * The intent taxonomy ({@code prompts/taxonomy.yaml}): intents with descriptions, exemplars per language
 * and urgency words.
 *
 * <p>Entry points: {@link io.handoff.intent.taxonomy.Taxonomy},
 * {@link io.handoff.intent.taxonomy.TaxonomyLoader}.
 *
 * <p>Uses {@code intent} only (its YAML reading and load result).
 */
package io.handoff.intent.taxonomy;
