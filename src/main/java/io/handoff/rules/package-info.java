/**
 * The rule pipeline's top: {@link io.handoff.rules.RuleDirectoryLoader} loads and cross-checks every rule
 * and prompt file into one immutable {@link io.handoff.rules.RuleDirectory} (one content hash, every problem
 * as {@code file:line}); {@link io.handoff.rules.RuleDirectoryHolder} holds the one in use and reloads it
 * atomically; {@link io.handoff.rules.RuleActivities} hands each activity what it reads from it;
 * {@link io.handoff.rules.StartupRuleCheck} stops a start on any error; {@link io.handoff.rules.RuleSetLoader}
 * loads the trigger rule set ({@link io.handoff.rules.RuleSet}: messaging and support triggers) and
 * {@link io.handoff.rules.DynamicContentUses} checks the placeholders it uses.
 *
 * <p>May import the domain packages (trigger, messaging, support, sla, automation, intent, ticket), config
 * and {@code metrics.HandoffMetrics}. The domain packages must not import the loader, the directory, the
 * holder or the wiring: their activities receive suppliers of their own types instead. Only the packages
 * above (api, cli, zendeskimport, ops' {@code MetricsBinder}) use the loader and the holder.
 */
package io.handoff.rules;
