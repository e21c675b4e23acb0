package io.handoff.sla.policy;

import java.util.List;

/**
 * An SLA policy filter: it matches when every {@code all} condition holds and at least one
 * {@code any} condition holds (an empty {@code any} is ignored), as for Zendesk triggers.
 */
public record SlaFilter(List<FilterCondition> all, List<FilterCondition> any) {

  public static final SlaFilter MATCH_ALL = new SlaFilter(List.of(), List.of());

  public SlaFilter {
    all = List.copyOf(all);
    any = List.copyOf(any);
  }
}
