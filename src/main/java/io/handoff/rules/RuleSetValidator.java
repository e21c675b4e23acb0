package io.handoff.rules;

import io.handoff.intent.IntentFiles;
import io.handoff.sla.hours.BusinessHours;
import io.handoff.sla.hours.BusinessHoursLoader;
import io.handoff.sla.inactivity.InactivityPolicyLoader;
import io.handoff.sla.policy.SlaPolicyLoader;
import io.handoff.sla.yaml.Loaded;
import io.handoff.ticket.HelpdeskDirectoryLoader;
import io.handoff.trigger.RuleSetLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Validates every rule file and prompt Handoff loads, collecting all problems at once. */
public final class RuleSetValidator {
  private RuleSetValidator() {}

  /**
   * Every error and warning in the rule directory and the prompt directory: trigger files, intent
   * files (taxonomy, prompts, routing, handoff policy), and, when present, the helpdesk directory,
   * business hours, SLA policies (checked against the business hours) and inactivity policy.
   */
  public static List<RuleFileError> validate(Path workflowsDir, Path promptsDir) {
    List<RuleFileError> out = new ArrayList<>();
    if (!Files.isDirectory(workflowsDir)) {
      out.add(RuleFileError.error(workflowsDir.toString(), 0, null, "rule directory not found"));
    }
    if (!Files.isDirectory(promptsDir)) {
      out.add(RuleFileError.error(promptsDir.toString(), 0, null, "prompt directory not found"));
    }
    if (!out.isEmpty()) {
      return out;
    }
    out.addAll(RuleSetLoader.load(workflowsDir).problems());
    out.addAll(IntentFiles.validate(promptsDir, workflowsDir));
    Path helpdesk = workflowsDir.resolve("helpdesk.yaml");
    if (Files.exists(helpdesk)) {
      out.addAll(HelpdeskDirectoryLoader.load(helpdesk).errors());
    }
    BusinessHours hours = null;
    Path hoursFile = workflowsDir.resolve("business-hours.yaml");
    if (Files.exists(hoursFile)) {
      Loaded<BusinessHours> loaded = BusinessHoursLoader.load(hoursFile);
      out.addAll(loaded.errors());
      hours = loaded.value();
    }
    Path sla = workflowsDir.resolve("sla-policies.yaml");
    if (Files.exists(sla) && hours != null) {
      out.addAll(SlaPolicyLoader.load(sla, hours).errors());
    }
    Path inactivity = workflowsDir.resolve("inactivity.yaml");
    if (Files.exists(inactivity)) {
      out.addAll(InactivityPolicyLoader.load(inactivity).errors());
    }
    return out;
  }
}
