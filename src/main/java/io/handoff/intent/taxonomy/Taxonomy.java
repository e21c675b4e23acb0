package io.handoff.intent.taxonomy;

import io.handoff.intent.Urgency;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The intent taxonomy from {@code prompts/taxonomy.yaml}: intents, their exemplars in each language,
 * urgency words and the offline classifier's decision threshold.
 *
 * @param version hash of the file (or of the replacing exemplars) recorded in every classification
 * @param threshold probability at which an intent counts as predicted (multi-label)
 */
public record Taxonomy(
    String version,
    String fallbackIntent,
    double threshold,
    List<IntentDefinition> intents,
    List<Exemplar> exemplars,
    Map<Urgency, List<String>> urgencyWords) {

  public Taxonomy {
    intents = List.copyOf(intents);
    exemplars = List.copyOf(exemplars);
    urgencyWords = Map.copyOf(urgencyWords);
  }

  /** Languages that have at least one exemplar: the languages the offline classifier supports. */
  public Set<String> languages() {
    Set<String> out = new TreeSet<>();
    exemplars.forEach(e -> out.add(e.language()));
    return out;
  }

  public List<String> intentNames() {
    return intents.stream().map(IntentDefinition::name).toList();
  }

  /**
   * The same taxonomy with its exemplars replaced (the eval command's {@code --exemplars}). Intents
   * that appear only in the new exemplars are added without a description.
   */
  public Taxonomy withExemplars(List<Exemplar> replacement, String replacementVersion) {
    Map<String, IntentDefinition> byName = new LinkedHashMap<>();
    Set<String> used = new LinkedHashSet<>();
    replacement.forEach(e -> used.addAll(e.intents()));
    intents.forEach(d -> byName.put(d.name(), d));
    List<IntentDefinition> merged = new ArrayList<>();
    for (String name : used) {
      merged.add(byName.getOrDefault(name, new IntentDefinition(name, "")));
    }
    return new Taxonomy(replacementVersion, fallbackIntent, threshold, merged, replacement, urgencyWords);
  }
}
