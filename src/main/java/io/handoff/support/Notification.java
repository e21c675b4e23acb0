package io.handoff.support;

/**
 * An e-mail or webhook call a trigger queued. Rendered with the ticket's final values, as Zendesk
 * sends notifications after the update is saved.
 *
 * @param recipientType for e-mails: requester_id, assignee_id, current_user, all_agents, group or user
 * @param recipient the resolved address, user or group name; for webhooks the webhook id
 * @param endpoint the webhook URL; null for e-mails
 * @param idempotencyKey input key + trigger + action index: the same update never notifies twice
 */
public record Notification(
    Kind kind,
    String trigger,
    int actionIndex,
    String recipientType,
    String recipient,
    String subject,
    String body,
    String endpoint,
    String idempotencyKey) implements TicketEffect {

  /** E-mail or webhook. */
  public enum Kind { EMAIL, WEBHOOK }
}
