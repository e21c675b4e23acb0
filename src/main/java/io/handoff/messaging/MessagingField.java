package io.handoff.messaging;

import io.handoff.model.Channel;
import io.handoff.trigger.Operator;
import io.handoff.trigger.ValueType;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Messaging-trigger condition fields: Zendesk's (hour of day, day of week, previous conversations,
 * customer, online status, brand, sender, message, initial routing, tags, queue size) plus
 * {@code detected_language}, {@code in_business_hours} and {@code channel}. Hour and day are read in
 * the rule file's {@code time_zone}; day 0 is Monday, as in Zendesk.
 */
public enum MessagingField {
  HOUR_OF_DAY("hour_of_day", ValueType.ORDERED, IntStream.range(0, 24).mapToObj(Integer::toString).toList()),
  DAY_OF_WEEK("day_of_week", ValueType.ORDERED,
      List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")),
  PREVIOUS_CONVERSATIONS("customer_previous_conversations", ValueType.NUMBER, List.of()),
  CUSTOMER_NAME("customer_name", ValueType.TEXT, List.of()),
  CUSTOMER_EMAIL("customer_email", ValueType.TEXT, List.of()),
  PAGE_URL("page_url", ValueType.TEXT, List.of()),
  COUNTRY("customer_country", ValueType.TEXT, List.of()),
  CUSTOMER_ATTRIBUTE("customer.attributes.", ValueType.TEXT, List.of()),
  CUSTOMER_TRIGGERED("customer_triggered", ValueType.BOOLEAN, List.of()),
  ACCOUNT_STATUS("account_status", ValueType.CHOICE, List.of("online", "away", "invisible")),
  GROUP_STATUS("group_status", ValueType.CHOICE, List.of("online", "away", "invisible")),
  BRAND("brand", ValueType.TEXT, List.of()),
  GROUP("group", ValueType.TEXT, List.of()),
  SENDER("sender", ValueType.CHOICE, List.of("customer", "agent", "ai_agent")),
  MESSAGE("message", ValueType.TEXT, List.of()),
  INITIAL_ROUTING("initial_routing", ValueType.BOOLEAN, List.of()),
  TAGS("tags", ValueType.TAGS, List.of()),
  QUEUE_SIZE("queue_size", ValueType.NUMBER, List.of()),
  DETECTED_LANGUAGE("detected_language", ValueType.TEXT, List.of()),
  IN_BUSINESS_HOURS("in_business_hours", ValueType.BOOLEAN, List.of()),
  CHANNEL("channel", ValueType.CHOICE, Arrays.stream(Channel.values()).map(Channel::wireName).toList());

  private final String wireName;
  private final ValueType type;
  private final List<String> allowedValues;

  MessagingField(String wireName, ValueType type, List<String> allowedValues) {
    this.wireName = wireName;
    this.type = type;
    this.allowedValues = allowedValues;
  }

  public String wireName() {
    return wireName;
  }

  boolean isPrefix() {
    return wireName.endsWith(".");
  }

  ValueType type() {
    return type;
  }

  List<String> allowedValues() {
    return allowedValues;
  }

  /** The type's operators; messaging triggers have no deltas, so no change operators. */
  Set<Operator> operators() {
    return EnumSet.copyOf(type.defaultOperators());
  }
}
