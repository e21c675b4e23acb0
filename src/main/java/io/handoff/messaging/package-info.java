/**
 * Messaging triggers (before a ticket exists; {@code workflows/messaging-triggers.yaml}, docs/rules.md)
 * and the channel that sends messages to customers.
 *
 * <p>Entry points: {@link io.handoff.messaging.MessagingActivities} (what the journey workflow calls;
 * {@link io.handoff.messaging.MessagingActivitiesImpl}), {@link io.handoff.messaging.MessagingEngine} with
 * {@link io.handoff.messaging.MessagingTriggerParser}, {@link io.handoff.messaging.MessagingChannelClient}
 * ({@link io.handoff.messaging.RecordedOutbox} in the embedded default,
 * {@link io.handoff.messaging.SunshineConversationsClient} in production).
 *
 * <p>Uses the trigger kernel ({@code trigger}), {@code rules}, {@code intent} and {@code intent.replies},
 * {@code journey} (channel, customer and event types), {@code privacy} and {@code config}.
 */
package io.handoff.messaging;
