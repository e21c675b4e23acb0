package io.handoff.intent.taxonomy;

import java.util.List;

/** A labelled example utterance: the offline classifier learns from these. */
public record Exemplar(String text, String language, List<String> intents) {
  public Exemplar {
    intents = List.copyOf(intents);
  }
}
