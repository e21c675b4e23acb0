package io.handoff.support;

/**
 * The webhooks the support rules declare ({@code webhooks} of support-triggers.yaml), as the rules in use
 * declare them; null for a webhook they do not declare.
 */
@FunctionalInterface
public interface WebhookEndpoints {
  Webhook webhook(String id);
}
