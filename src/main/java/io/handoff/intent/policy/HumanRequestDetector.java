package io.handoff.intent.policy;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds explicit requests for a human ("I want to talk to a person", "agent please", "humano",
 * "parler à un conseiller", "人工客服") in a customer's message, from the reviewed patterns of
 * {@code prompts/human-requests.yaml}. Runs before and independently of the intent classifier, so a
 * request for a person reaches one even when the classifier is wrong or the language has no
 * exemplars. Every language's patterns are tried on every message: language identification is
 * unreliable on the short messages that ask for a person. Pure and deterministic.
 *
 * @param version the file's content hash
 * @param patterns the patterns in file order
 */
public record HumanRequestDetector(String version, List<HumanPattern> patterns) {

  /** No patterns: nothing is detected (no {@code human-requests.yaml}). */
  public static final HumanRequestDetector NONE = new HumanRequestDetector("none", List.of());

  /** One reviewed pattern: its language, regex and where it is written ({@code file:line}). */
  public record HumanPattern(String language, Pattern regex, String location) {}

  /** What matched: the pattern, and the matched words of the message. */
  public record Match(HumanPattern pattern, String matched) {
    /** How {@link #describe()} begins. */
    public static final String PREFIX = "explicit request for a human ";

    /** For decision traces: {@code explicit request for a human "talk to a person" (human-requests.yaml:12, en)}. */
    public String describe() {
      return PREFIX + "\"" + matched + "\" (" + pattern.location() + ", " + pattern.language() + ")";
    }
  }

  public HumanRequestDetector {
    patterns = List.copyOf(patterns);
  }

  /** The first pattern found in the message, or empty. */
  public Optional<Match> detect(String text) {
    if (text == null || text.isBlank() || patterns.isEmpty()) {
      return Optional.empty();
    }
    String normalised = normalise(text);
    for (HumanPattern p : patterns) {
      var m = p.regex().matcher(normalised);
      if (m.find()) {
        return Optional.of(new Match(p, m.group().strip()));
      }
    }
    return Optional.empty();
  }

  /** Every pattern found in the message, in file order (to measure each pattern's support). */
  public List<HumanPattern> matchingPatterns(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    String normalised = normalise(text);
    return patterns.stream().filter(p -> p.regex().matcher(normalised).find()).toList();
  }

  /** NFKC (full-width letters, compatibility forms), lower case, typographic apostrophes as {@code '}. */
  static String normalise(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
        .replace('\u2019', '\'').replace('\u2018', '\'');
  }
}
