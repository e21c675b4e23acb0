package io.handoff.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.handoff.trigger.BusinessCalendar;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every support condition field and operator against one update (open → pending, agent comment). */
class SupportConditionsTest {

  static Stream<Arguments> onChange() {
    return Stream.of(
        Arguments.of("{ field: update_type, operator: is, value: Change }", true),
        Arguments.of("{ field: update_type, value: Create }", false),
        Arguments.of("{ field: status, operator: is, value: pending }", true),
        Arguments.of("{ field: status, operator: is_not, value: pending }", false),
        Arguments.of("{ field: status, operator: less_than, value: hold }", true),
        Arguments.of("{ field: status, operator: less_than, value: pending }", false),
        Arguments.of("{ field: status, operator: greater_than, value: open }", true),
        Arguments.of("{ field: status, operator: greater_than, value: pending }", false),
        Arguments.of("{ field: status, operator: less_than_equal, value: pending }", true),
        Arguments.of("{ field: status, operator: greater_than_equal, value: solved }", false),
        Arguments.of("{ field: status, operator: is_one_of, value: [new, pending] }", true),
        Arguments.of("{ field: status, operator: is_not_one_of, value: [new, pending] }", false),
        Arguments.of("{ field: status, operator: changed }", true),
        Arguments.of("{ field: status, operator: changed_to, value: pending }", true),
        Arguments.of("{ field: status, operator: value, value: solved }", false),
        Arguments.of("{ field: status, operator: changed_from, value: open }", true),
        Arguments.of("{ field: status, operator: value_previous, value: new }", false),
        Arguments.of("{ field: status, operator: not_changed }", false),
        Arguments.of("{ field: status, operator: not_changed_to, value: pending }", false),
        Arguments.of("{ field: status, operator: not_value, value: solved }", true),
        Arguments.of("{ field: status, operator: not_changed_from, value: new }", true),
        Arguments.of("{ field: status, operator: not_value_previous, value: open }", false),
        Arguments.of("{ field: priority, operator: is, value: high }", true),
        Arguments.of("{ field: priority, operator: greater_than, value: normal }", true),
        Arguments.of("{ field: priority, operator: less_than, value: normal }", false),
        Arguments.of("{ field: priority, operator: changed_from, value: normal }", true),
        Arguments.of("{ field: type, operator: is, value: question }", true),
        Arguments.of("{ field: type, operator: changed }", false),
        Arguments.of("{ field: type, operator: not_changed }", true),
        Arguments.of("{ field: group_id, operator: is, value: Support }", true),
        Arguments.of("{ field: group_id, operator: is, value: support }", true),
        Arguments.of("{ field: group_id, operator: is_not, value: Support }", false),
        Arguments.of("{ field: group_id, operator: is, value: '' }", false),
        Arguments.of("{ field: group_id, operator: present }", true),
        Arguments.of("{ field: group_id, operator: not_present }", false),
        Arguments.of("{ field: assignee_id, operator: is, value: alice }", true),
        Arguments.of("{ field: assignee_id, operator: changed }", false),
        Arguments.of("{ field: requester_id, operator: is, value: r1 }", true),
        Arguments.of("{ field: organization_id, operator: is, value: Acme }", true),
        Arguments.of("{ field: current_tags, operator: includes, value: pricing }", true),
        Arguments.of("{ field: current_tags, operator: includes, value: foo bar }", false),
        Arguments.of("{ field: current_tags, operator: includes, value: foo vip }", true),
        Arguments.of("{ field: current_tags, operator: not_includes, value: foo vip }", false),
        Arguments.of("{ field: current_tags, operator: not_includes, value: foo }", true),
        Arguments.of("{ field: via_id, operator: is, value: web_widget }", true),
        Arguments.of("{ field: via_id, operator: is, value: 48 }", true),
        Arguments.of("{ field: via_id, operator: is, value: 4 }", false),
        Arguments.of("{ field: via_id, operator: is_not, value: email }", true),
        Arguments.of("{ field: via_id, operator: is_one_of, value: [email, web_widget] }", true),
        Arguments.of("{ field: comment_is_public, operator: is, value: true }", true),
        Arguments.of("{ field: comment_is_public, operator: is, value: false }", false),
        Arguments.of("{ field: comment_is_public, operator: is, value: not_relevant }", true),
        Arguments.of("{ field: comment_is_public, value: requester_can_see_comment }", true),
        Arguments.of("{ field: comment_includes_word, operator: includes, value: refund invoice }", true),
        Arguments.of("{ field: comment_includes_word, operator: includes, value: voice }", false),
        Arguments.of("{ field: comment_includes_word, operator: not_includes, value: refund }", true),
        Arguments.of("{ field: comment_includes_word, operator: contains, value: voice }", true),
        Arguments.of("{ field: comment_includes_word, operator: not_contains, value: voice }", false),
        Arguments.of("{ field: comment_includes_word, operator: is, value: Please send your invoice number }", true),
        Arguments.of("{ field: comment_includes_word, operator: is_not, value: hello }", true),
        Arguments.of("{ field: comment_includes_word, operator: regex, value: '.*invoice \\w+' }", true),
        Arguments.of("{ field: comment_includes_word, operator: regex, value: 'invoice' }", false),
        Arguments.of("{ field: subject_includes_word, operator: includes, value: pricing }", true),
        Arguments.of("{ field: role, operator: is, value: agent }", true),
        Arguments.of("{ field: role, operator: is, value: end_user }", false),
        Arguments.of("{ field: role, operator: is_not, value: end_user }", true),
        Arguments.of("{ field: in_business_hours, operator: is, value: true }", true),
        Arguments.of("{ field: in_business_hours, operator: is, value: false }", false),
        Arguments.of("{ field: messaging_session_state, operator: is, value: inactive }", true),
        Arguments.of("{ field: messaging_session_state, operator: changed_to, value: inactive }", true),
        Arguments.of("{ field: messaging_session_state, operator: changed_from, value: active }", true),
        Arguments.of("{ field: messaging_session_state, operator: not_changed }", false),
        Arguments.of("{ field: custom_fields_100, operator: is, value: gold }", true),
        Arguments.of("{ field: custom_fields_100, operator: changed }", false),
        Arguments.of("{ field: custom_fields_200, operator: not_present }", true),
        Arguments.of("{ field: custom_fields_200, operator: present }", false),
        Arguments.of("{ field: requester.custom_fields.tier, operator: is, value: enterprise }", true),
        Arguments.of("{ field: requester.custom_fields.tier, operator: is_not, value: enterprise }", false),
        Arguments.of("{ field: requester.custom_fields.tier, operator: present }", true),
        Arguments.of("{ field: requester.custom_fields.region, operator: not_present }", true),
        Arguments.of("{ field: organization.custom_fields.plan, operator: is, value: pro }", true),
        Arguments.of("{ field: organization.custom_fields.plan, operator: includes_string, value: PR }", true),
        Arguments.of("{ field: organization.custom_fields.plan, operator: includes_words, value: pro }", true),
        Arguments.of("{ field: organization.custom_fields.plan, operator: not_includes, value: pro }", false));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("onChange")
  void conditionMatchesOnlyWhenItHolds(String condition, boolean expected) {
    SupportEngine engine = new SupportEngine(SupportFixtures.parse(SupportFixtures.oneTrigger(condition)));
    SupportDecision d = engine.evaluate(SupportFixtures.changeUpdate(), BusinessCalendar.ALWAYS_OPEN);
    assertEquals(expected, d.ticket().tags().contains("matched"), d.trace().toString());
  }

  static Stream<Arguments> onCreate() {
    return Stream.of(
        Arguments.of("{ field: update_type, operator: is, value: Create }", true),
        Arguments.of("{ field: status, operator: changed }", true),
        Arguments.of("{ field: status, operator: changed_to, value: new }", true),
        Arguments.of("{ field: status, operator: changed_from, value: open }", false),
        Arguments.of("{ field: priority, operator: is, value: '' }", true),
        Arguments.of("{ field: priority, operator: less_than, value: low }", true),
        Arguments.of("{ field: priority, operator: not_changed }", true),
        Arguments.of("{ field: comment_is_public, operator: is, value: not_relevant }", false),
        Arguments.of("{ field: role, operator: is, value: end_user }", true),
        Arguments.of("{ field: group_id, operator: not_present }", true));
  }

  @ParameterizedTest(name = "create: {0} -> {1}")
  @MethodSource("onCreate")
  void firstTimeSetCountsAsChanged(String condition, boolean expected) {
    SupportEngine engine = new SupportEngine(SupportFixtures.parse(SupportFixtures.oneTrigger(condition)));
    SupportDecision d = engine.evaluate(SupportFixtures.createUpdate(Set.of(), Map.of()),
        BusinessCalendar.ALWAYS_OPEN);
    assertEquals(expected, d.ticket().tags().contains("matched"), d.trace().toString());
  }

  @ParameterizedTest
  @MethodSource("anyGroups")
  void matchesWhenEveryAllAndOneAnyHold(String yaml, boolean expected) {
    SupportEngine engine = new SupportEngine(SupportFixtures.parse(yaml));
    SupportDecision d = engine.evaluate(SupportFixtures.changeUpdate(), BusinessCalendar.ALWAYS_OPEN);
    assertEquals(expected, d.ticket().tags().contains("matched"));
  }

  static Stream<Arguments> anyGroups() {
    String head = "triggers:\n  - title: T\n    conditions:\n";
    String tail = "    actions:\n      - { field: current_tags, value: matched }\n";
    return Stream.of(
        Arguments.of(head + "      all: [{ field: status, value: pending }]\n"
            + "      any: [{ field: priority, value: low }, { field: priority, value: high }]\n" + tail, true),
        Arguments.of(head + "      all: [{ field: status, value: pending }]\n"
            + "      any: [{ field: priority, value: low }, { field: priority, value: urgent }]\n" + tail, false),
        Arguments.of(head + "      all: [{ field: status, value: open }]\n"
            + "      any: [{ field: priority, value: high }]\n" + tail, false),
        Arguments.of(head + "      any: [{ field: priority, value: high }]\n" + tail, true),
        Arguments.of(head + "      all: []\n" + tail, true));
  }

  @org.junit.jupiter.api.Test
  void businessHoursComeFromTheCalendar() {
    SupportEngine engine = new SupportEngine(SupportFixtures.parse(
        SupportFixtures.oneTrigger("{ field: in_business_hours, operator: is, value: false }")));
    BusinessCalendar closed = (name, at) -> false;
    assertEquals(true, engine.evaluate(SupportFixtures.changeUpdate(), closed).ticket().tags().contains("matched"));
  }
}
