package io.handoff.intent.eval;

import java.util.List;

/** One row of a labelled JSONL file: {@code {"text","language","intent"}} or {@code "intents": [...]}. */
public record LabeledExample(String text, String language, List<String> intents, boolean multiLabel) {
  public LabeledExample {
    intents = List.copyOf(intents);
  }
}
