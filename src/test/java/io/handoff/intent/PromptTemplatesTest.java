package io.handoff.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handoff.intent.llm.PromptTemplates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptTemplatesTest {
  @Test
  void theShippedTemplatesAreValid() {
    assertEquals(List.of(), PromptTemplates.load(Path.of("prompts")).errors());
  }

  @Test
  void reportsUnknownAndMissingPlaceholdersWithTheirLines(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(PromptTemplates.SYSTEM_FILE), "Intents:\n{{intents}}\nHi {{customer_name}}\n");
    Files.writeString(dir.resolve(PromptTemplates.USER_FILE), "Channel {{channel}}\n");
    var errors = PromptTemplates.load(dir).errors().stream().map(Object::toString).toList();
    assertTrue(errors.get(0).endsWith("classify-system.md:3: unknown placeholder {{customer_name}} (known: intents)"), errors.toString());
    assertTrue(errors.get(1).endsWith("classify-user.md:1: missing placeholder {{conversation}}"), errors.toString());
  }

  @Test
  void everyShippedIntentFileIsValid() {
    assertEquals(List.of(), IntentFiles.validate(Path.of("prompts"), Path.of("workflows")));
  }

  @Test
  void rendersPlaceholdersVerbatim() {
    assertEquals("a $1 b", PromptTemplates.render("a {{x}} b", Map.of("x", "$1")));
  }
}
