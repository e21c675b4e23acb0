package io.handoff.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handoff.yaml.RuleFileError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One invalid fixture per validation message under {@code src/test/resources/rules/invalid/<case>/}:
 * each must produce exactly that one problem, at that line.
 */
class RuleSetValidationTest {

  private static final Path FIXTURES = Path.of("src/test/resources/rules/invalid");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      action-value-not-allowed | 7 | ERROR | SUP - Test - one | value "closedd" is not valid for action "status" (allowed: new, open, pending, hold, solved, closed)
      bad-position | 3 | ERROR | SUP - Test - one | position must be a whole number
      bad-regex | 6 | ERROR | MSG - Test - one | bad regular expression "(unclosed": Unclosed group
      bad-wait | 8 | ERROR | MSG - Test - one | wait needs whole seconds from 1 to 86400, got "0"
      condition-without-field | 5 | ERROR | SUP - Test - one | condition has no field
      duplicate-key | 4 | ERROR | SUP - Test - one | duplicate key "active" in trigger
      duplicate-title | 8 | ERROR | SUP - Test - one | duplicate trigger title
      email-arguments | 7 | ERROR | SUP - Test - one | "notification_user" needs [recipient, subject, body]
      empty-file | 1 | ERROR | - | file is empty
      hour-out-of-range | 6 | ERROR | MSG - Test - one | value "24" is not valid for "hour_of_day" (allowed: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23)
      no-actions | 2 | ERROR | SUP - Test - one | trigger has no actions
      no-title | 2 | ERROR | - | trigger has no title
      no-words | 5 | ERROR | SUP - Test - one | "comment_includes_word" needs at least one word or tag
      not-a-boolean | 6 | ERROR | MSG - Test - one | value "yes" of "in_business_hours" must be true or false
      not-a-number | 6 | ERROR | MSG - Test - one | value "many" of "queue_size" is not a whole number
      operator-not-for-field | 5 | ERROR | SUP - Test - one | operator "less_than" does not apply to "type" (allowed: is, is_not, is_one_of, is_not_one_of, present, not_present, changed, changed_to, changed_from, not_changed, not_changed_to, not_changed_from)
      reply-without-body | 7 | ERROR | SUP - Test - one | "reply_public" needs a comment body
      send-message-without-text | 8 | ERROR | MSG - Test - one | send_message needs a message text
      set-triggered-value | 8 | ERROR | MSG - Test - one | set_triggered needs true or false
      suspend-not-last | 8 | ERROR | MSG - Test - one | suspend_user must be the last action
      tags-action-empty | 7 | ERROR | SUP - Test - one | "remove_tags" needs at least one tag
      unknown-action | 7 | ERROR | SUP - Test - one | unknown action "launch_rocket"
      unknown-category | 3 | ERROR | SUP - Test - one | unknown category "Routing2" (declare it under categories)
      unknown-condition-field | 5 | ERROR | SUP - Test - one | unknown condition field "colour"
      unknown-event | 2 | ERROR | MSG - Test - one | unknown or missing run_trigger "page_enter" (allowed: conversation_started, message_sent, added_to_queue, assigned_from_queue, conversation_ended, session_inactive)
      unknown-key | 3 | ERROR | SUP - Test - one | unknown key "conditons" in trigger (allowed: actions, active, category, conditions, description, position, title)
      unknown-messaging-action | 8 | ERROR | MSG - Test - one | unknown action "set_visitor_department"
      unknown-messaging-placeholder | 8 | ERROR | MSG - Test - one | unknown placeholder {{visitor.name}}
      unknown-operator | 5 | ERROR | SUP - Test - one | unknown operator "around"
      unknown-placeholder | 7 | ERROR | SUP - Test - one | unknown placeholder {{ticket.colour}}
      unknown-time-zone | 1 | ERROR | - | unknown time zone "Mars/Olympus"
      unknown-webhook | 7 | ERROR | SUP - Test - one | unknown webhook "nowhere" (declare it under webhooks)
      value-needed | 5 | ERROR | SUP - Test - one | operator "is" needs a value
      value-not-allowed | 5 | ERROR | SUP - Test - one | value "super" is not valid for "priority" (allowed: low, normal, high, urgent)
      value-not-single | 5 | ERROR | SUP - Test - one | value of "status" must be a single value, not a list or mapping
      warn-messaging-never-fires | 2 | WARNING | MSG - Test - one | can never fire: "tags includes vip" and "tags not_includes vip" cannot both hold
      warn-never-fires | 2 | WARNING | SUP - Test - one | can never fire: "status is open" and "status is solved" cannot both hold
      warn-never-fires-order | 2 | WARNING | SUP - Test - one | can never fire: "priority less_than low" can never hold
      warn-no-nullifying | 2 | WARNING | SUP - Test - one | has no nullifying condition, so it fires on every update it matches; add "update_type is Create", a change condition, or a condition its own actions make false (e.g. current_tags not_includes a tag it adds)
      warn-same-field | 8 | WARNING | SUP - Test - two | sets "group_id" like rule "SUP - Test - one" (line 2); if both fire in one update, this one wins
      webhook-body-not-json | 9 | ERROR | SUP - Test - one | webhook body is not valid JSON: Unexpected character ('x' (code 120)): was expecting double-quote to start field name
      webhook-declaration | 2 | ERROR | - | webhook needs an id and an http(s) endpoint
      yaml-syntax | 3 | ERROR | - | YAML syntax error: expected ',' or ']', but got <stream end>
      """)
  void fixtureProducesExactlyItsMessage(
      String fixture, int line, RuleFileError.Severity severity, String rule, String message)
      throws Exception {
    Path dir = FIXTURES.resolve(fixture);
    String file;
    try (var files = Files.list(dir)) {
      file = files.findFirst().orElseThrow().toString();
    }
    RuleSetLoad load = RuleSetLoader.load(dir);
    String ruleName = rule.equals("-") ? null : rule;
    assertEquals(List.of(new RuleFileError(file, line, ruleName, message, severity)), load.problems());
  }

  @Test
  void everyFixtureDirectoryIsCovered() throws Exception {
    try (var dirs = Files.list(FIXTURES)) {
      assertEquals(43, dirs.count());
    }
  }

  @Test
  void theRealWorkflowsDirectoryValidatesWithoutWarnings() {
    RuleSetLoad load = RuleSetLoader.load(Path.of("workflows"));
    assertEquals(List.of(), load.problems());
    assertTrue(load.ruleSet().messaging().triggers().size() >= 5);
    assertTrue(load.ruleSet().support().ordered().size() >= 4);
    assertEquals(12, load.ruleSet().version().length());
  }

  @Test
  void errorsPrintAsFileLineRuleMessage() {
    RuleSetLoad load = RuleSetLoader.load(FIXTURES.resolve("unknown-operator"));
    assertEquals(FIXTURES.resolve("unknown-operator/support-triggers.yaml")
        + ":5: rule \"SUP - Test - one\": unknown operator \"around\"", load.errors().get(0).toString());
  }

  @Test
  void versionChangesWithTheFiles() {
    assertTrue(!RuleSetLoader.version("a", null).equals(RuleSetLoader.version("b", null)));
    assertEquals(RuleSetLoader.version("a", "b"), RuleSetLoader.version("a", "b"));
  }
}
