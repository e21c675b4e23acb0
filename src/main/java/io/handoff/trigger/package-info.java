/**
 * The trigger kernel every rule engine shares: conditions, operators, values, placeholders and Liquid, the
 * rule-file YAML reading with {@code file:line} errors, the loaded trigger rule set, decision traces and
 * the dry run (docs/rules.md).
 *
 * <p>Entry points: {@link io.handoff.trigger.ConditionParser}, {@link io.handoff.trigger.Operators},
 * {@link io.handoff.trigger.Liquid}, {@link io.handoff.yaml.Problems},
 * {@link io.handoff.trigger.RuleSetLoader} and {@link io.handoff.trigger.RuleSetHolder} (the rules in
 * service), {@link io.handoff.dryrun.DryRun}.
 *
 * <p>Uses {@code rules} and {@code yaml}; the rule set and the dry run also use {@code messaging},
 * {@code support} and {@code ticket}.
 */
package io.handoff.trigger;
