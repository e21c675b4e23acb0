/**
 * Inbound webhooks (README, "REST API"): Zendesk ticket events, verified by HMAC signature, and Sunshine
 * Conversations messages, verified by secret, each deduplicated and mapped onto journey events or ticket
 * commands.
 *
 * <p>Entry points: {@link io.handoff.webhook.WebhookResource},
 * {@link io.handoff.webhook.ZendeskWebhookHandler}, {@link io.handoff.webhook.SunshineWebhookHandler},
 * {@link io.handoff.webhook.ReplayGuard}.
 *
 * <p>Uses {@code journey} (delivery of events), {@code ticket} and {@code ticket.rest}.
 */
package io.handoff.webhook;
