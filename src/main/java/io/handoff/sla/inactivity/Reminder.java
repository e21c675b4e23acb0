package io.handoff.sla.inactivity;

import io.handoff.ticket.TicketStatus;
import java.time.Duration;

/**
 * One inactivity reminder.
 *
 * @param after silence since the previous step (the last customer message for the first reminder)
 * @param setStatus ticket status to set with the reminder, or null
 * @param tag tag to add to the ticket, or null
 * @param messages the message per language code when it uses dynamic content ({@code {{dc.name}}});
 *     {@code message} is then the fallback text
 */
public record Reminder(Duration after, String message, TicketStatus setStatus, String tag,
    java.util.Map<String, String> messages) {

  public Reminder {
    messages = messages == null ? java.util.Map.of() : java.util.Map.copyOf(messages);
  }

  public Reminder(Duration after, String message, TicketStatus setStatus, String tag) {
    this(after, message, setStatus, tag, null);
  }

  /** The message for a customer with these languages (best first): the first one it has, else the fallback. */
  public String messageFor(java.util.List<String> languages) {
    for (String l : languages) {
      if (messages.containsKey(l)) {
        return messages.get(l);
      }
    }
    return message;
  }

  /** The reminder with its {@code {{dc.name}}} placeholders replaced, per language and as the fallback. */
  public Reminder localized(io.handoff.trigger.DynamicContent content) {
    java.util.Map<String, String> byLanguage = new java.util.TreeMap<>();
    for (String name : io.handoff.trigger.Placeholders.names(message)) {
      var item = name.startsWith(io.handoff.trigger.DynamicContent.PREFIX)
          ? content.items().get(name.substring(io.handoff.trigger.DynamicContent.PREFIX.length())) : null;
      if (item != null) {
        for (String language : item.variants().keySet()) {
          byLanguage.put(language, content.expand(message, java.util.List.of(language)));
        }
      }
    }
    return byLanguage.isEmpty() ? this
        : new Reminder(after, content.expand(message, java.util.List.of()), setStatus, tag, byLanguage);
  }
}
