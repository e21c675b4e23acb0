package io.handoff.zendeskimport;

import java.util.ArrayList;
import java.util.List;

/** What converting one Zendesk rule found: parts Handoff cannot express, ids without a mapping, notes. */
final class Findings {
  final List<String> unsupported = new ArrayList<>();
  final List<String> needsMapping = new ArrayList<>();
  final List<String> warnings = new ArrayList<>();

  boolean clean() {
    return unsupported.isEmpty() && needsMapping.isEmpty();
  }
}
