package io.handoff.dryrun;

import java.util.List;

/** The dry run of a file of events under one rule set. */
public record DryRunReport(String ruleSetVersion, List<DryRunResult> results) {

  public DryRunReport {
    results = List.copyOf(results);
  }
}
