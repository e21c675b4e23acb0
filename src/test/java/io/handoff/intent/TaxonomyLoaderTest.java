package io.handoff.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handoff.intent.taxonomy.Taxonomy;
import io.handoff.intent.taxonomy.TaxonomyLoader;
import io.handoff.yaml.Loaded;
import io.handoff.yaml.RuleFileError;
import io.handoff.yaml.YamlReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaxonomyLoaderTest {
  private static final String GOOD_INTENT = "  - name: other\\n    description: d\\n    exemplars:\\n      en: [hi]\\n";

  @Test
  void theShippedTaxonomyHasNineIntentsWithAtLeastEightExemplarsPerLanguage() {
    Loaded<Taxonomy> r = TaxonomyLoader.load(Path.of("prompts/taxonomy.yaml"));
    assertEquals(List.of(), r.errors());
    Taxonomy t = r.value();
    assertEquals(List.of("pricing_sales", "billing", "refund_cancellation", "order_delivery", "technical_problem",
        "account_access", "complaint", "human_request", "other"), t.intentNames());
    assertEquals(Set.of("en", "fr", "es", "de", "pt", "it", "nl"), t.languages());
    for (String intent : t.intentNames()) {
      for (String lang : t.languages()) {
        long n = t.exemplars().stream().filter(e -> e.language().equals(lang) && e.intents().contains(intent)).count();
        assertTrue(n >= 8, intent + "/" + lang + " has " + n);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "duplicate intent|intents:\\n" + GOOD_INTENT + GOOD_INTENT + "|6|rule \"other\": duplicate intent name",
      "missing description|intents:\\n  - name: other\\n    exemplars:\\n      en: [hi]\\n|2|rule \"other\": missing \"description\"",
      "bad language|intents:\\n  - name: other\\n    description: d\\n    exemplars:\\n      english: [hi]\\n|5|\"english\" is not an ISO 639 language code",
      "bad name|intents:\\n  - name: Other Intent\\n    description: d\\n|2|intent needs a \"name\" in lower_snake_case",
      "unknown fallback|fallbackIntent: misc\\nintents:\\n" + GOOD_INTENT + "|1|fallbackIntent \"misc\" is not one of the intents",
      "bad threshold|offline:\\n  threshold: 1.5\\nintents:\\n" + GOOD_INTENT + "|2|offline.threshold must be a number between 0.0 and 1.0",
      "unknown urgency|urgency:\\n  critical: [x]\\nintents:\\n" + GOOD_INTENT + "|2|unknown urgency \"critical\"",
      "no intents|version: 1\\n|1|missing \"intents\"",
      "invalid yaml|intents: [\\n|2|YAML syntax error"})
  void reportsEachProblemWithFileAndLine(String name, String yaml, int line, String message) {
    Loaded<Taxonomy> r = TaxonomyLoader.load(YamlReader.of("taxonomy.yaml", yaml.replace("\\n", "\n")));
    assertNull(r.value());
    RuleFileError e = r.errors().get(0);
    assertEquals(line, e.line(), e.toString());
    assertTrue(e.toString().startsWith("taxonomy.yaml:" + line + ": "), e.toString());
    assertTrue(e.toString().contains(message), e.toString());
  }
}
