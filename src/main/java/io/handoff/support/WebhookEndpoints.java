package io.handoff.support;

/**
 * The endpoint of each webhook the support rules declare ({@code webhooks} of support-triggers.yaml), as
 * the rules in use declare it; null for a webhook they do not declare.
 */
@FunctionalInterface
public interface WebhookEndpoints {
  String endpoint(String webhook);
}
