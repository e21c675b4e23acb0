package io.handoff.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.handoff.trigger.BusinessCalendar;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every messaging condition and operator against one message_sent event (Tuesday 14:30 UTC). */
class MessagingConditionsTest {

  static Stream<Arguments> conditions() {
    return Stream.of(
        Arguments.of("{ field: hour_of_day, operator: is, value: 14 }", true),
        Arguments.of("{ field: hour_of_day, operator: greater_than_equal, value: 9 }", true),
        Arguments.of("{ field: hour_of_day, operator: less_than, value: 14 }", false),
        Arguments.of("{ field: day_of_week, operator: is, value: tuesday }", true),
        Arguments.of("{ field: day_of_week, operator: less_than, value: saturday }", true),
        Arguments.of("{ field: day_of_week, operator: is_one_of, value: [saturday, sunday] }", false),
        Arguments.of("{ field: customer_previous_conversations, operator: greater_than, value: 2 }", true),
        Arguments.of("{ field: customer_previous_conversations, operator: is, value: 0 }", false),
        Arguments.of("{ field: customer_previous_conversations, operator: less_than_equal, value: 3 }", true),
        Arguments.of("{ field: customer_name, operator: is, value: rita }", true),
        Arguments.of("{ field: customer_name, operator: is_not, value: Rita }", false),
        Arguments.of("{ field: customer_email, operator: contains, value: '@example.com' }", true),
        Arguments.of("{ field: customer_email, operator: not_contains, value: '@example.com' }", false),
        Arguments.of("{ field: customer_email, operator: present }", true),
        Arguments.of("{ field: page_url, operator: regex, value: 'https://shop\\.example/.*' }", true),
        Arguments.of("{ field: page_url, operator: regex, value: 'pricing' }", false),
        Arguments.of("{ field: customer_country, operator: is_one_of, value: [FR, BE] }", true),
        Arguments.of("{ field: customer_country, operator: is_not_one_of, value: [FR, BE] }", false),
        Arguments.of("{ field: customer.attributes.plan, operator: is, value: pro }", true),
        Arguments.of("{ field: customer.attributes.region, operator: not_present }", true),
        Arguments.of("{ field: customer_triggered, operator: is, value: false }", true),
        Arguments.of("{ field: account_status, operator: is, value: online }", true),
        Arguments.of("{ field: account_status, operator: is, value: invisible }", false),
        Arguments.of("{ field: group_status, operator: is_not, value: online }", true),
        Arguments.of("{ field: brand, operator: is, value: Acme }", true),
        Arguments.of("{ field: group, operator: is, value: Sales }", true),
        Arguments.of("{ field: sender, operator: is, value: customer }", true),
        Arguments.of("{ field: sender, operator: is, value: agent }", false),
        Arguments.of("{ field: message, operator: contains, value: PRICE }", true),
        Arguments.of("{ field: message, operator: not_contains, value: refund }", true),
        Arguments.of("{ field: message, operator: regex, value: '(?i).*\\bprice\\b.*' }", true),
        Arguments.of("{ field: message, operator: regex, value: 'price' }", false),
        Arguments.of("{ field: message, operator: is, value: 'What is the price?' }", true),
        Arguments.of("{ field: initial_routing, operator: is, value: true }", true),
        Arguments.of("{ field: initial_routing, operator: is_not, value: true }", false),
        Arguments.of("{ field: tags, operator: includes, value: vip }", true),
        Arguments.of("{ field: tags, operator: not_includes, value: vip }", false),
        Arguments.of("{ field: queue_size, operator: greater_than, value: 3 }", true),
        Arguments.of("{ field: queue_size, operator: less_than, value: 4 }", false),
        Arguments.of("{ field: detected_language, operator: is, value: fr }", true),
        Arguments.of("{ field: detected_language, operator: is_one_of, value: [de, es] }", false),
        Arguments.of("{ field: in_business_hours, operator: is, value: true }", true),
        Arguments.of("{ field: channel, operator: is, value: web_widget }", true),
        Arguments.of("{ field: channel, operator: is, value: whatsapp }", false));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("conditions")
  void conditionMatchesOnlyWhenItHolds(String condition, boolean expected) {
    MessagingEngine engine = new MessagingEngine(MessagingFixtures.parse(
        MessagingFixtures.oneTrigger("message_sent", condition)));
    MessagingDecision d = engine.evaluate("k", MessagingFixtures.message("What is the price?").build(),
        BusinessCalendar.ALWAYS_OPEN);
    assertEquals(expected, d.tags().contains("matched"), d.trace().toString());
  }

  @org.junit.jupiter.api.Test
  void hourAndDayAreReadInTheConfiguredTimeZone() {
    String yaml = "time_zone: Asia/Tokyo\n" + MessagingFixtures.oneTrigger("message_sent",
        "{ field: hour_of_day, value: 23 }", "{ field: day_of_week, value: tuesday }");
    MessagingDecision d = new MessagingEngine(MessagingFixtures.parse(yaml))
        .evaluate("k", MessagingFixtures.message("hi").build(), BusinessCalendar.ALWAYS_OPEN);
    assertEquals(true, d.tags().contains("matched"));
  }

  @org.junit.jupiter.api.Test
  void runsOnlyOnItsEvent() {
    MessagingEngine engine = new MessagingEngine(MessagingFixtures.parse(
        MessagingFixtures.oneTrigger("conversation_requested")));
    MessagingDecision d = engine.evaluate("k", MessagingFixtures.message("hi").build(), BusinessCalendar.ALWAYS_OPEN);
    assertEquals(false, d.tags().contains("matched"));
    assertEquals(0, d.trace().triggers().size());
  }
}
