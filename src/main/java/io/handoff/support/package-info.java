/**
 * Support (ticket) triggers with Zendesk's loop ({@code workflows/support-triggers.yaml}, docs/rules.md),
 * their actions on the ticket, and the notifications they queue (e-mail, webhooks).
 *
 * <p>Entry points: {@link io.handoff.support.SupportEngine} with
 * {@link io.handoff.support.SupportTriggerParser}, {@link io.handoff.support.SupportActivities} and
 * {@link io.handoff.support.NotificationActivities} (what the journey workflow calls),
 * {@link io.handoff.support.RuleActions} (the same action path for automations),
 * {@link io.handoff.support.NotificationClient} and its outbox, SMTP and webhook implementations.
 *
 * <p>Uses the trigger kernel ({@code trigger}), {@code ticket}, {@code yaml}, {@code jdbc} and
 * {@code privacy}; not {@code sla}, {@code rules} or {@code journey} (SLA filters over a ticket are
 * {@code sla.policy.SupportFilterMatcher}'s, above this package).
 */
package io.handoff.support;
