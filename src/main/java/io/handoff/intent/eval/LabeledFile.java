package io.handoff.intent.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.intent.taxonomy.Exemplar;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads labelled JSONL; a bad line fails with {@code file:line: message}. */
public final class LabeledFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LabeledFile() {}

  public static List<LabeledExample> read(Path file) throws IOException {
    List<LabeledExample> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (!line.isBlank()) {
          out.add(parse(file, n, line));
        }
      }
    }
    return out;
  }

  /** The rows as exemplars, for {@code --exemplars}. */
  public static List<Exemplar> readExemplars(Path file) throws IOException {
    return read(file).stream().map(e -> new Exemplar(e.text(), e.language(), e.intents())).toList();
  }

  private static LabeledExample parse(Path file, int line, String json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(file + ":" + line + ": invalid JSON: " + e.getOriginalMessage());
    }
    JsonNode text = node.get("text");
    if (text == null || !text.isTextual()) {
      throw new IllegalArgumentException(file + ":" + line + ": missing \"text\"");
    }
    String language = node.hasNonNull("language") ? node.get("language").asText() : null;
    if (node.has("intents")) {
      if (!node.get("intents").isArray()) {
        throw new IllegalArgumentException(file + ":" + line + ": \"intents\" must be an array");
      }
      List<String> intents = new ArrayList<>();
      node.get("intents").forEach(i -> intents.add(i.asText()));
      return new LabeledExample(text.asText(), language, intents, true);
    }
    if (!node.hasNonNull("intent")) {
      throw new IllegalArgumentException(file + ":" + line + ": needs \"intent\" or \"intents\"");
    }
    return new LabeledExample(text.asText(), language, List.of(node.get("intent").asText()), false);
  }
}
