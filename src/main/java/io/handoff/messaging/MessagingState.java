package io.handoff.messaging;

import io.handoff.trigger.Facts;
import io.handoff.trigger.FieldRef;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The facts while messaging triggers run: the event's facts plus the tags and "triggered" flag, which
 * earlier triggers' actions change for later ones (declared order).
 */
final class MessagingState implements Facts<MessagingField> {

  final MessagingFacts facts;
  final Set<String> tags = new HashSet<>();
  boolean triggered;
  private final int hour;
  private final int dayIndex;
  private final boolean inBusinessHours;

  MessagingState(MessagingFacts facts, ZonedDateTime local, boolean inBusinessHours) {
    this.facts = facts;
    facts.tags().forEach(t -> tags.add(t.toLowerCase(Locale.ROOT)));
    this.triggered = facts.customerTriggered();
    this.hour = local.getHour();
    this.dayIndex = local.getDayOfWeek().getValue() - 1;
    this.inBusinessHours = inBusinessHours;
  }

  @Override
  public Object current(FieldRef<MessagingField> f) {
    return switch (f.kind()) {
      case HOUR_OF_DAY -> hour;
      case DAY_OF_WEEK -> dayIndex;
      case PREVIOUS_CONVERSATIONS -> (long) facts.previousConversations();
      case CUSTOMER_NAME -> facts.customerName();
      case CUSTOMER_EMAIL -> facts.customerEmail();
      case PAGE_URL -> facts.pageUrl();
      case COUNTRY -> facts.country();
      case CUSTOMER_ATTRIBUTE -> facts.customerAttributes().get(f.key());
      case CUSTOMER_TRIGGERED -> triggered;
      case ACCOUNT_STATUS -> facts.accountStatus();
      case GROUP_STATUS -> facts.groupStatus();
      case BRAND -> facts.brand();
      case GROUP -> facts.group();
      case SENDER -> facts.sender();
      case MESSAGE -> facts.message();
      case INITIAL_ROUTING -> facts.initialRouting();
      case TAGS -> tags;
      case QUEUE_SIZE -> (long) facts.queueSize();
      case DETECTED_LANGUAGE -> facts.detectedLanguage();
      case IN_BUSINESS_HOURS -> inBusinessHours;
      case CHANNEL -> facts.channel() == null ? null : facts.channel().wireName();
    };
  }

  @Override
  public Object previous(FieldRef<MessagingField> f) {
    return current(f);
  }
}
