package io.handoff.dryrun;

import java.util.List;

/**
 * Where two rule sets decide differently on the same events.
 *
 * @param changed only the events whose outcome differs
 */
public record DryRunDiff(String baseVersion, String candidateVersion, int events, List<Change> changed) {

  public DryRunDiff {
    changed = List.copyOf(changed);
  }

  /** One event's outcome under the base and the candidate rule set. */
  public record Change(String id, List<String> base, List<String> candidate) {}
}
