/**
 * The trigger kernel every rule engine shares: conditions, operators, values, placeholders and Liquid,
 * decision traces, the business calendar ({@link io.handoff.trigger.BusinessCalendar}) and dynamic content
 * ({@link io.handoff.trigger.DynamicContent}, {@link io.handoff.trigger.DynamicContentLoader}) (docs/rules.md).
 *
 * <p>Entry points: {@link io.handoff.trigger.ConditionParser}, {@link io.handoff.trigger.Operators},
 * {@link io.handoff.trigger.Liquid}, {@link io.handoff.trigger.Placeholders}.
 *
 * <p>Uses {@code yaml}; the loaded trigger rule set ({@link io.handoff.rules.RuleSetLoader}) still uses
 * {@code messaging}, {@code support} and {@code rules}.
 */
package io.handoff.trigger;
