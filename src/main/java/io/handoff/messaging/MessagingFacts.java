package io.handoff.messaging;

import io.handoff.model.Channel;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Everything messaging-trigger conditions read about one conversation event. Built by the workflow
 * from its state (no clock: {@code at} is the event time) and passed to the activity.
 *
 * @param accountStatus online, away or invisible (all agents offline = invisible)
 * @param groupStatus status of the conversation's group: online, away or invisible
 * @param sender who sent the message: customer, agent or ai_agent
 * @param initialRouting true on the first queueing, false on a transfer or overflow
 * @param triggersAlreadyRun titles of run-once triggers that already fired in this conversation
 * @param estimatedWaitMinutes estimated wait in minutes, or null when unknown
 * @param customerLocale the customer's locale as the channel sent it (e.g. {@code fr-CA}), or null; with
 *     {@code detectedLanguage} it picks the language of dynamic content ({@code {{dc.name}}})
 */
public record MessagingFacts(
    String conversationId,
    MessagingEvent event,
    Instant at,
    Channel channel,
    String customerName,
    String customerEmail,
    String pageUrl,
    String country,
    Map<String, String> customerAttributes,
    int previousConversations,
    String accountStatus,
    String groupStatus,
    String group,
    String brand,
    String sender,
    String message,
    Boolean initialRouting,
    Set<String> tags,
    int queueSize,
    String detectedLanguage,
    boolean customerTriggered,
    Set<String> triggersAlreadyRun,
    Long estimatedWaitMinutes,
    String customerLocale) {

  public MessagingFacts {
    customerAttributes = customerAttributes == null ? Map.of() : Map.copyOf(customerAttributes);
    tags = tags == null ? Set.of() : Set.copyOf(tags);
    triggersAlreadyRun = triggersAlreadyRun == null ? Set.of() : Set.copyOf(triggersAlreadyRun);
  }

  /** A builder starting from an event at an instant, everything else empty/online. */
  public static Builder builder(String conversationId, MessagingEvent event, Instant at) {
    return new Builder(conversationId, event, at);
  }

  /** Fluent construction for callers and tests. */
  public static final class Builder {
    private final String conversationId;
    private final MessagingEvent event;
    private final Instant at;
    private Channel channel = Channel.WEB_WIDGET;
    private String customerName;
    private String customerEmail;
    private String pageUrl;
    private String country;
    private Map<String, String> attributes = Map.of();
    private int previousConversations;
    private String accountStatus = "online";
    private String groupStatus = "online";
    private String group;
    private String brand;
    private String sender = "customer";
    private String message;
    private Boolean initialRouting;
    private Set<String> tags = Set.of();
    private int queueSize;
    private String language;
    private String locale;
    private boolean triggered;
    private Set<String> alreadyRun = Set.of();
    private Long estimatedWaitMinutes;

    private Builder(String conversationId, MessagingEvent event, Instant at) {
      this.conversationId = conversationId;
      this.event = event;
      this.at = at;
    }

    public Builder channel(Channel v) { channel = v; return this; }
    public Builder customer(String name, String email) { customerName = name; customerEmail = email; return this; }
    public Builder pageUrl(String v) { pageUrl = v; return this; }
    public Builder country(String v) { country = v; return this; }
    public Builder attributes(Map<String, String> v) { attributes = v; return this; }
    public Builder previousConversations(int v) { previousConversations = v; return this; }
    public Builder accountStatus(String v) { accountStatus = v; return this; }
    public Builder groupStatus(String v) { groupStatus = v; return this; }
    public Builder group(String v) { group = v; return this; }
    public Builder brand(String v) { brand = v; return this; }
    public Builder sender(String v) { sender = v; return this; }
    public Builder message(String v) { message = v; return this; }
    public Builder initialRouting(Boolean v) { initialRouting = v; return this; }
    public Builder tags(Set<String> v) { tags = v; return this; }
    public Builder queueSize(int v) { queueSize = v; return this; }
    public Builder language(String v) { language = v; return this; }
    public Builder customerTriggered(boolean v) { triggered = v; return this; }
    public Builder alreadyRun(Set<String> v) { alreadyRun = v; return this; }
    public Builder estimatedWaitMinutes(Long v) { estimatedWaitMinutes = v; return this; }
    public Builder locale(String v) { locale = v; return this; }

    public MessagingFacts build() {
      return new MessagingFacts(conversationId, event, at, channel, customerName, customerEmail, pageUrl,
          country, attributes, previousConversations, accountStatus, groupStatus, group, brand, sender,
          message, initialRouting, tags, queueSize, language, triggered, alreadyRun, estimatedWaitMinutes,
          locale);
    }
  }
}
