package io.handoff.routing;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/** Computes the comparison report from journey rows; pure, so the figures are unit-testable by hand. */
public final class ComparisonCalculator {
  private ComparisonCalculator() {}

  public static ComparisonReport compute(List<ComparisonRow> rows) {
    ComparisonReport flat = computeFlat(rows);
    return new ComparisonReport(flat.journeys(), flat.bothDecided(), flat.agreement(), flat.routers(),
        slices(rows, ComparisonRow::language), slices(rows, r -> r.ai() == null ? null : r.ai().intent()),
        slices(rows, ComparisonRow::channel),
        slices(rows, r -> r.decidedAt() == null ? null : r.decidedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString()),
        confusion(rows));
  }

  private static List<ComparisonReport.ConfusionCell> confusion(List<ComparisonRow> rows) {
    Map<List<String>, Integer> counts = new java.util.LinkedHashMap<>();
    for (ComparisonRow r : rows) {
      List<String> key = java.util.Arrays.asList(r.rules() == null ? null : r.rules().group(),
          r.ai() == null ? null : r.ai().group(), r.finalGroup());
      counts.merge(key, 1, Integer::sum);
    }
    List<ComparisonReport.ConfusionCell> out = new ArrayList<>();
    counts.forEach((k, n) -> out.add(new ComparisonReport.ConfusionCell(k.get(0), k.get(1), k.get(2), n)));
    out.sort(java.util.Comparator.comparingInt(ComparisonReport.ConfusionCell::journeys).reversed());
    return out;
  }

  static boolean agrees(ComparisonRow r) {
    return Objects.equals(r.rules().intent(), r.ai().intent()) && Objects.equals(r.rules().group(), r.ai().group());
  }

  private static ComparisonReport.RouterScore score(List<ComparisonRow> rows,
      Function<ComparisonRow, ComparisonRow.Decision> pick, String name) {
    int decided = 0;
    int scored = 0;
    int correct = 0;
    int handoffs = 0;
    int acted = 0;
    int breaches = 0;
    List<Long> replies = new ArrayList<>();
    for (ComparisonRow r : rows) {
      ComparisonRow.Decision d = pick.apply(r);
      if (d != null) {
        decided++;
        if ("HANDOFF_TO_HUMAN".equals(d.handoff())) {
          handoffs++;
        }
        if (r.finalGroup() != null) {
          scored++;
          if (r.finalGroup().equals(d.group())) {
            correct++;
          }
        }
      }
      if (name.equals(r.activeRouter())) {
        acted++;
        if (r.slaBreached()) {
          breaches++;
        }
        if (r.firstHumanReplySeconds() != null) {
          replies.add(r.firstHumanReplySeconds());
        }
      }
    }
    return new ComparisonReport.RouterScore(decided, scored, rate(correct, scored), rate(handoffs, decided), acted,
        median(replies), breaches);
  }

  private static Map<String, ComparisonReport.Slice> slices(List<ComparisonRow> rows,
      Function<ComparisonRow, String> key) {
    Map<String, List<ComparisonRow>> groups = new TreeMap<>();
    for (ComparisonRow r : rows) {
      String k = key.apply(r);
      groups.computeIfAbsent(k == null ? "unknown" : k, x -> new ArrayList<>()).add(r);
    }
    Map<String, ComparisonReport.Slice> out = new TreeMap<>();
    groups.forEach((k, list) -> {
      ComparisonReport full = computeFlat(list);
      ComparisonReport.RouterScore rules = full.routers().get(RoutingAssignment.RULES);
      ComparisonReport.RouterScore ai = full.routers().get(RoutingAssignment.AI);
      out.put(k, new ComparisonReport.Slice(list.size(), full.agreement(), rules.accuracy(), ai.accuracy(),
          full.bothDecided(), rules.scored(), ai.scored()));
    });
    return out;
  }

  /** The headline figures of a slice, without further slicing. */
  private static ComparisonReport computeFlat(List<ComparisonRow> rows) {
    int both = 0;
    int agree = 0;
    for (ComparisonRow r : rows) {
      if (r.rules() != null && r.ai() != null) {
        both++;
        agree += agrees(r) ? 1 : 0;
      }
    }
    Map<String, ComparisonReport.RouterScore> routers = new TreeMap<>();
    routers.put(RoutingAssignment.RULES, score(rows, ComparisonRow::rules, RoutingAssignment.RULES));
    routers.put(RoutingAssignment.AI, score(rows, ComparisonRow::ai, RoutingAssignment.AI));
    return new ComparisonReport(rows.size(), both, rate(agree, both), routers, Map.of(), Map.of(), Map.of(), Map.of(),
        List.of());
  }

  private static Double rate(int num, int den) {
    return den == 0 ? null : (double) num / den;
  }

  private static Long median(List<Long> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
