package io.handoff.rules;

import io.handoff.automation.AutomationLoader;
import io.handoff.intent.IntentFiles;
import io.handoff.intent.policy.HandoffPolicyLoader;
import io.handoff.sla.hours.BusinessHours;
import io.handoff.sla.hours.BusinessHoursLoader;
import io.handoff.sla.inactivity.InactivityPolicy;
import io.handoff.sla.inactivity.InactivityPolicyLoader;
import io.handoff.sla.policy.FilterCondition;
import io.handoff.sla.policy.SlaPolicies;
import io.handoff.sla.policy.SlaPolicy;
import io.handoff.sla.policy.SlaPolicyLoader;
import io.handoff.sla.policy.SupportFilterMatcher;
import io.handoff.support.EmailRecipients;
import io.handoff.support.SupportAction;
import io.handoff.support.SupportActionType;
import io.handoff.support.SupportTrigger;
import io.handoff.support.SupportTriggerSet;
import io.handoff.ticket.HelpdeskDirectory;
import io.handoff.ticket.HelpdeskDirectoryLoader;
import io.handoff.trigger.DynamicContent;
import io.handoff.yaml.Loaded;
import io.handoff.yaml.RuleFileError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads every rule file and prompt Handoff reads into one {@link RuleDirectory}, collecting all problems at
 * once: each file's own checks, then the references between files (every group a rule names must exist in
 * helpdesk.yaml, every schedule in business-hours.yaml, every intent in the taxonomy, ...). The one loader
 * of the service (start-up and reload), the {@code validate} command and the import's validation.
 */
public final class RuleDirectoryLoader {

  private RuleDirectoryLoader() {}

  /** The directories parsed and checked: every error and warning of the rule and prompt directories. */
  public static RuleDirectory load(Path workflowsDir, Path promptsDir) {
    List<RuleFileError> out = new ArrayList<>();
    if (!Files.isDirectory(workflowsDir)) {
      out.add(RuleFileError.error(workflowsDir.toString(), 0, null, "rule directory not found"));
      return RuleDirectory.failed(workflowsDir, promptsDir, out);
    }
    if (!Files.isDirectory(promptsDir)) {
      out.add(RuleFileError.error(promptsDir.toString(), 0, null, "prompt directory not found"));
      return RuleDirectory.failed(workflowsDir, promptsDir, out);
    }
    String hash = RuleDirectory.hash(workflowsDir, promptsDir);
    RuleSetLoad triggers = RuleSetLoader.load(workflowsDir);
    out.addAll(triggers.problems());
    var automations = AutomationLoader.load(workflowsDir, triggers.ruleSet().support().webhooks());
    out.addAll(automations.errors());
    IntentFiles intent = IntentFiles.load(promptsDir, workflowsDir);
    out.addAll(intent.problems());
    Loaded<BusinessHours> hours = BusinessHoursLoader.load(workflowsDir.resolve("business-hours.yaml"));
    out.addAll(hours.errors());
    Loaded<SlaPolicies> sla = hours.value() == null ? null
        : SlaPolicyLoader.load(workflowsDir.resolve("sla-policies.yaml"), hours.value());
    if (sla != null) {
      out.addAll(sla.errors());
      if (sla.value() != null) {
        out.addAll(slaFilters(sla.value(), hours.value()));
      }
    }
    if (hours.value() != null) {
      out.addAll(scheduleReferences(workflowsDir, hours.value(), triggers.ruleSet().support(), automations.value(),
          sla == null ? null : sla.value()));
    }
    Loaded<InactivityPolicy> inactivity = InactivityPolicyLoader.load(workflowsDir.resolve("inactivity.yaml"));
    out.addAll(inactivity.errors());
    Loaded<HelpdeskDirectory> directory = HelpdeskDirectoryLoader.load(workflowsDir.resolve("helpdesk.yaml"));
    out.addAll(directory.errors());
    if (directory.value() != null) {
      out.addAll(groupReferences(workflowsDir, directory.value(), triggers.ruleSet().support(),
          automations.value(), sla == null ? null : sla.value()));
      out.addAll(agentReferences(workflowsDir, directory.value(), triggers.ruleSet().support(),
          automations.value()));
      out.addAll(ticketLinks(workflowsDir, directory.value(), triggers.ruleSet().support(), automations.value()));
    }
    if (sla != null && sla.value() != null) {
      out.addAll(webhookReferences(workflowsDir, triggers.ruleSet().support().webhooks(), sla.value()));
    }
    out.addAll(intentReferences(workflowsDir, promptsDir));
    if (out.stream().anyMatch(p -> p.severity() == RuleFileError.Severity.ERROR)) {
      return new RuleDirectory(workflowsDir, promptsDir, hash, null, null, null, null, null, null, null, out);
    }
    // Valid: every file loaded, so every value below is set.
    DynamicContent content = triggers.ruleSet().support().content();
    return new RuleDirectory(workflowsDir, promptsDir, hash, triggers.ruleSet(), hours.value(), sla.value(),
        inactivity.value().localized(content), automations.value(), directory.value(), intent, out);
  }

  /**
   * Webhooks named by SLA escalations must be declared (support-triggers.yaml {@code webhooks}); one that
   * takes parameters (GET, DELETE, form_encoded) must be given {@code [["key", "value"], ...]}.
   */
  private static List<RuleFileError> webhookReferences(Path dir, java.util.Map<String, io.handoff.support.Webhook> hooks,
      SlaPolicies sla) {
    Set<String> declared = hooks.keySet();
    List<RuleFileError> out = new ArrayList<>();
    Path slaFile = dir.resolve("sla-policies.yaml");
    for (SlaPolicy p : sla.policies()) {
      for (SupportAction a : actions(p)) {
        String webhook = a.type() == SupportActionType.NOTIFY_WEBHOOK ? a.args().get(0) : null;
        io.handoff.support.Webhook hook = webhook == null ? null : hooks.get(webhook);
        if (webhook != null && hook == null) {
          String error = "notify_webhook: webhook '" + webhook + "' is not declared (declare it under webhooks in"
              + " support-triggers.yaml; declared: " + String.join(", ", new java.util.TreeSet<>(declared)) + ")";
          if (out.stream().noneMatch(e -> e.message().equals(error))) {
            out.add(RuleFileError.error(slaFile.toString(), lineOf(slaFile, "notify_webhook: " + webhook, webhook),
                p.name(), error));
          }
        } else if (hook != null && hook.takesParameters()
            && !io.handoff.support.WebhookParameters.written(a.args().get(1))) {
          out.add(RuleFileError.error(slaFile.toString(), lineOf(slaFile, "notify_webhook: " + webhook, webhook),
              p.name(), "notify_webhook: webhook '" + webhook + "' (" + hook.method() + " " + hook.format()
                  + ") takes parameters [[\"key\", \"value\"], ...] as its body"));
        }
      }
    }
    return out;
  }

  /**
   * Agents named by support triggers and automations (assignee, e-mail to a user that is neither an
   * address nor a ticket role) must exist in helpdesk.yaml.
   */
  private static List<RuleFileError> agentReferences(Path dir, HelpdeskDirectory directory,
      SupportTriggerSet supportTriggers, io.handoff.automation.AutomationSet automations) {
    List<RuleFileError> out = new ArrayList<>();
    Path triggers = dir.resolve("support-triggers.yaml");
    for (SupportTrigger t : supportTriggers.declared()) {
      t.actions().forEach(a -> unknownAgent(a, directory, triggers, out));
    }
    if (automations != null) {
      Path automationFile = dir.resolve(AutomationLoader.FILE);
      for (io.handoff.automation.Automation t : automations.declared()) {
        t.actions().forEach(a -> unknownAgent(a, directory, automationFile, out));
      }
    }
    return out;
  }

  private static void unknownAgent(SupportAction a, HelpdeskDirectory directory, Path file, List<RuleFileError> out) {
    String agent = null;
    if (a.type() == SupportActionType.ASSIGNEE && a.value() != null && !a.value().isEmpty()
        && !"current_user".equals(a.value())) {
      agent = a.value();
    } else if (a.type() == SupportActionType.NOTIFY_USER && !a.args().isEmpty()) {
      String to = a.args().get(0);
      if (!to.contains("@") && !EmailRecipients.ROLES.contains(to)) {
        agent = to;
      }
    }
    if (agent != null && directory.agent(agent).isEmpty()) {
      out.add(RuleFileError.error(file.toString(), a.line(), null, "agent '" + agent
          + "' is not defined in helpdesk.yaml (an agent id, an e-mail address or requester_id/assignee_id/current_user/all_agents)"));
    }
  }

  /**
   * {@code {{ticket.url}}} and {@code {{ticket.link}}} render the ticket's link from helpdesk.yaml's
   * {@code account.ticketUrl}: without it they render empty, so each text using them is a warning at
   * its action's line, naming the rule.
   */
  private static List<RuleFileError> ticketLinks(Path dir, HelpdeskDirectory directory,
      SupportTriggerSet supportTriggers, io.handoff.automation.AutomationSet automations) {
    List<RuleFileError> out = new ArrayList<>();
    if (directory.account().ticketUrl() != null) {
      return out;
    }
    Path triggers = dir.resolve("support-triggers.yaml");
    for (SupportTrigger t : supportTriggers.declared()) {
      t.actions().forEach(a -> ticketLink(a, t.title(), triggers, out));
    }
    if (automations != null) {
      Path automationFile = dir.resolve(AutomationLoader.FILE);
      for (io.handoff.automation.Automation t : automations.declared()) {
        t.actions().forEach(a -> ticketLink(a, t.title(), automationFile, out));
      }
    }
    return out;
  }

  private static void ticketLink(SupportAction a, String rule, Path file, List<RuleFileError> out) {
    List<String> texts = new ArrayList<>(a.args());
    if (a.value() != null) {
      texts.add(a.value());
    }
    Set<String> used = new java.util.TreeSet<>();
    for (String text : texts) {
      io.handoff.trigger.Placeholders.names(text).stream()
          .filter(n -> n.equals("ticket.url") || n.equals("ticket.link")).forEach(used::add);
    }
    for (String name : used) {
      out.add(RuleFileError.warning(file.toString(), a.line(), rule, "{{" + name + "}} renders empty: helpdesk.yaml"
          + " sets no account.ticketUrl (add account: {ticketUrl: https://help.example.com/tickets/{id}})"));
    }
  }

  /**
   * Intents named by the rules router (routing.yaml) and the handoff policy (handoff-policy.yaml) must be
   * intents of the taxonomy (prompts/taxonomy.yaml).
   */
  private static List<RuleFileError> intentReferences(Path workflowsDir, Path promptsDir) {
    var taxonomy = io.handoff.intent.taxonomy.TaxonomyLoader.load(promptsDir.resolve("taxonomy.yaml")).value();
    if (taxonomy == null) {
      return List.of();
    }
    Set<String> known = new java.util.TreeSet<>(taxonomy.intentNames());
    List<RuleFileError> out = new ArrayList<>();
    Path routingFile = workflowsDir.resolve("routing.yaml");
    var routing = io.handoff.intent.rules.RoutingRulesLoader.load(routingFile).value();
    if (routing != null) {
      java.util.Set<String> used = new java.util.LinkedHashSet<>();
      used.add(routing.fallbackIntent());
      routing.rules().forEach(r -> used.add(r.intent()));
      for (String intent : used) {
        if (intent != null && !known.contains(intent)) {
          out.add(RuleFileError.error(routingFile.toString(), lineOf(routingFile, "intent: " + intent,
              "fallbackIntent: " + intent, intent), null, "intent '" + intent
              + "' is not an intent of prompts/taxonomy.yaml (known: " + String.join(", ", known) + ")"));
        }
      }
    }
    Path policyFile = workflowsDir.resolve("handoff-policy.yaml");
    var policy = HandoffPolicyLoader.load(policyFile).value();
    if (policy != null) {
      java.util.Set<String> used = new java.util.LinkedHashSet<>(new java.util.TreeSet<>(policy.groups().keySet()));
      used.addAll(new java.util.TreeSet<>(policy.alwaysHumanIntents()));
      for (String intent : used) {
        if (!known.contains(intent)) {
          out.add(RuleFileError.error(policyFile.toString(), lineOf(policyFile, "  " + intent + ":", intent), null,
              "intent '" + intent + "' is not an intent of prompts/taxonomy.yaml (known: " + String.join(", ", known)
                  + ")"));
        }
      }
    }
    return out;
  }

  private static List<RuleFileError> slaFilters(SlaPolicies policies, BusinessHours hours) {
    List<RuleFileError> out = new ArrayList<>();
    for (SlaPolicy p : policies.policies()) {
      try {
        SupportFilterMatcher.compile(p.filter());
      } catch (IllegalArgumentException e) {
        int line = p.filter().all().isEmpty() ? (p.filter().any().isEmpty() ? 0 : p.filter().any().get(0).line())
            : p.filter().all().get(0).line();
        out.add(RuleFileError.error("sla-policies.yaml", line, p.name(), e.getMessage()));
      }
    }
    return out;
  }

  /**
   * Every {@code set_schedule} action and every {@code schedule_id} / {@code within_schedule} condition
   * (support triggers, SLA filters) must name a schedule of business-hours.yaml.
   */
  private static List<RuleFileError> scheduleReferences(Path dir, BusinessHours hours, SupportTriggerSet support,
      io.handoff.automation.AutomationSet automations, SlaPolicies sla) {
    List<RuleFileError> out = new ArrayList<>();
    String known = String.join(", ", new java.util.TreeSet<>(hours.schedules().keySet()));
    List<SupportAction> triggerActions = support.declared().stream().flatMap(t -> t.actions().stream()).toList();
    List<SupportAction> automationActions = automations == null ? List.of()
        : automations.declared().stream().flatMap(t -> t.actions().stream()).toList();
    for (var e : java.util.Map.of("support-triggers.yaml", triggerActions, AutomationLoader.FILE, automationActions)
        .entrySet()) {
      for (SupportAction a : e.getValue()) {
        if (a.type() == SupportActionType.SET_SCHEDULE && !hours.has(a.value())) {
          out.add(RuleFileError.error(dir.resolve(e.getKey()).toString(), a.line(), null,
              "set_schedule '" + a.value() + "' is not a schedule of business-hours.yaml (known: " + known + ")"));
        }
      }
    }
    for (SupportTrigger t : support.declared()) {
      for (io.handoff.trigger.Condition<io.handoff.support.SupportField> c : t.conditions().allAndAny()) {
        boolean schedule = c.field().kind() == io.handoff.support.SupportField.SCHEDULE;
        String name = c.field().kind() == io.handoff.support.SupportField.WITHIN_SCHEDULE ? c.field().key()
            : schedule && c.expected() instanceof String s ? s : null;
        if ((schedule || c.field().kind() == io.handoff.support.SupportField.WITHIN_SCHEDULE)
            && (name == null || !hours.has(name))) {
          out.add(RuleFileError.error(dir.resolve("support-triggers.yaml").toString(), c.line(), t.title(),
              c.field().name() + " '" + (name == null ? "" : name) + "' is not a schedule of business-hours.yaml"
                  + " (known: " + known + ")"));
        }
      }
    }
    if (sla != null) {
      for (SlaPolicy p : sla.policies()) {
        for (FilterCondition c : concat(p.filter().all(), p.filter().any())) {
          if ((c.field().equals("schedule_id") || c.field().equals("within_schedule"))
              && !(c.value() instanceof String s && hours.has(s))) {
            out.add(RuleFileError.error(dir.resolve("sla-policies.yaml").toString(), c.line(), p.name(),
                c.field() + " '" + (c.value() == null ? "" : c.value()) + "' is not a schedule of business-hours.yaml"
                    + " (known: " + known + ")"));
          }
        }
      }
    }
    return out;
  }

  private static List<FilterCondition> concat(List<FilterCondition> a, List<FilterCondition> b) {
    List<FilterCondition> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** Groups named by the handoff policy, the support triggers and the SLA policies must exist. */
  private static List<RuleFileError> groupReferences(Path dir, HelpdeskDirectory directory,
      SupportTriggerSet supportTriggers, io.handoff.automation.AutomationSet automations, SlaPolicies sla) {
    Set<String> known = directory.groups().stream().map(HelpdeskDirectory.Group::id).collect(Collectors.toSet());
    List<RuleFileError> out = new ArrayList<>();
    Path policyFile = dir.resolve("handoff-policy.yaml");
    var policy = HandoffPolicyLoader.load(policyFile);
    if (policy.value() != null) {
      List<String> groups = new ArrayList<>(policy.value().groups().values());
      groups.add(policy.value().defaultGroup());
      for (String g : groups) {
        if (g != null && !known.contains(g)) {
          out.add(RuleFileError.error(policyFile.toString(), lineOf(policyFile, g), null,
              "group '" + g + "' is not defined in helpdesk.yaml (known: " + String.join(", ", known) + ")"));
        }
      }
    }
    Path triggers = dir.resolve("support-triggers.yaml");
    for (SupportTrigger t : supportTriggers.declared()) {
      for (SupportAction a : t.actions()) {
        String group = groupNamed(a);
        if (group != null && !known.contains(group)) {
          out.add(RuleFileError.error(triggers.toString(), a.line(), null,
              "group '" + group + "' is not defined in helpdesk.yaml"));
        }
      }
    }
    if (automations != null) {
      Path automationFile = dir.resolve(AutomationLoader.FILE);
      for (io.handoff.automation.Automation t : automations.declared()) {
        for (SupportAction a : t.actions()) {
          String group = groupNamed(a);
          if (group != null && !known.contains(group)) {
            out.add(RuleFileError.error(automationFile.toString(), a.line(), null,
                "group '" + group + "' is not defined in helpdesk.yaml"));
          }
        }
      }
    }
    if (sla != null) {
      Path slaFile = dir.resolve("sla-policies.yaml");
      for (SlaPolicy p : sla.policies()) {
        for (SupportAction a : actions(p)) {
          if (a.type() == SupportActionType.GROUP && !known.contains(a.value())) {
            out.add(RuleFileError.error(slaFile.toString(), lineOf(slaFile, a.value()), p.name(),
                "set_group '" + a.value() + "' is not defined in helpdesk.yaml"));
          }
        }
      }
    }
    return out;
  }

  /**
   * The group an action names: set group (not "" = unassign), or e-mail a group (not "group_id" = the
   * ticket's group). Checked on the parsed rules, so any YAML style of the file is covered.
   */
  private static String groupNamed(SupportAction a) {
    if (a.type() == SupportActionType.GROUP && a.value() != null && !a.value().isEmpty()) {
      return a.value();
    }
    if (a.type() == SupportActionType.NOTIFY_GROUP && !a.args().isEmpty() && !"group_id".equals(a.args().get(0))) {
      return a.args().get(0);
    }
    return null;
  }

  private static List<SupportAction> actions(SlaPolicy p) {
    List<SupportAction> all = new ArrayList<>();
    p.metrics().forEach(m -> {
      all.addAll(m.onBreach());
      all.addAll(m.onWarning());
    });
    return all;
  }

  /** The first line holding the first of {@code texts} found in the file (0 when none is). */
  private static int lineOf(Path file, String... texts) {
    List<String> lines = readLines(file);
    for (String text : texts) {
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains(text)) {
          return i + 1;
        }
      }
    }
    return 0;
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      return List.of();
    }
  }
}
