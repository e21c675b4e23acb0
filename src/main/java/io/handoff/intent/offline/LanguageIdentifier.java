package io.handoff.intent.offline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Language identification with Apache OpenNLP's langdetect model (103 languages, shipped in the
 * {@code opennlp-models-langdetect} jar, no download). Chosen over Lingua after measuring both on
 * Multi3NLU++ (docs/ai-eval.md): similar accuracy at a fraction of the heap and start-up time.
 *
 * <p>Two corrections measured to help on short support messages: Amharic (Ethiopic script), which
 * the model misses, is recognised by script; and when one of the model's top candidates is a language
 * the classifier supports, that one wins over an unsupported top guess (e.g. Galician for Spanish).
 */
public final class LanguageIdentifier {
  /** Code for "undetermined" (ISO 639-2). */
  public static final String UNDETERMINED = "und";
  private static final int CANDIDATES = 3;
  private static final LanguageDetectorModel MODEL = loadModel();
  private static final Map<String, String> ISO3_TO_ISO1 = iso3ToIso1();
  private final Set<String> supported;

  /** @param supported ISO 639-1 codes (or 639-3 where no 639-1 exists) the caller supports */
  public LanguageIdentifier(Set<String> supported) {
    this.supported = Set.copyOf(supported);
  }

  /** The language of the text, as an ISO 639-1 code where one exists; "und" when there are no letters. */
  public String identify(String text) {
    int letters = 0;
    int ethiopic = 0;
    for (int cp : text.codePoints().toArray()) {
      if (Character.isLetter(cp)) {
        letters++;
        if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.ETHIOPIC) {
          ethiopic++;
        }
      }
    }
    if (letters == 0) {
      return UNDETERMINED;
    }
    if (ethiopic * 2 > letters) {
      return "am";
    }
    // LanguageDetectorME keeps no per-call state, so one instance per call is cheap and thread-safe.
    Language[] ranked = new LanguageDetectorME(MODEL).predictLanguages(text);
    for (int i = 0; i < Math.min(CANDIDATES, ranked.length); i++) {
      String code = toIso1(ranked[i].getLang());
      if (supported.contains(code)) {
        return code;
      }
    }
    return ranked.length == 0 ? UNDETERMINED : toIso1(ranked[0].getLang());
  }

  static String toIso1(String iso3) {
    return ISO3_TO_ISO1.getOrDefault(iso3, iso3);
  }

  private static Map<String, String> iso3ToIso1() {
    Map<String, String> map = new HashMap<>();
    for (String iso1 : Locale.getISOLanguages()) {
      try {
        map.put(Locale.forLanguageTag(iso1).getISO3Language(), iso1);
      } catch (java.util.MissingResourceException e) {
        // A language without a three-letter code cannot come out of the model.
      }
    }
    // OpenNLP uses the macrolanguage or bibliographic codes for a few languages.
    map.put("cmn", "zh");
    map.put("zho", "zh");
    map.put("fas", "fa");
    map.put("pes", "fa");
    map.put("nld", "nl");
    map.put("deu", "de");
    map.put("fra", "fr");
    return map;
  }

  private static LanguageDetectorModel loadModel() {
    try (InputStream in = LanguageIdentifier.class.getResourceAsStream("/langdetect-183.bin")) {
      if (in == null) {
        throw new IllegalStateException("langdetect-183.bin missing: add opennlp-models-langdetect");
      }
      return new LanguageDetectorModel(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
