package io.handoff.testing.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a correct answer to a hostile request looks like; collects every violation. */
public final class HostileChecks {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, int[]> byKind = new TreeMap<>();
  private final Map<Integer, Integer> byStatus = new TreeMap<>();
  private final List<String> violations = new ArrayList<>();
  private final Map<String, List<String>> examples = new TreeMap<>();

  /** Checks one answer; returns the violation, or null when the answer is correct. */
  public synchronized String check(HostileRequest r, RawHttp.Answer a) {
    byStatus.merge(a.status(), 1, Integer::sum);
    int[] counts = byKind.computeIfAbsent(r.kind(), k -> new int[3]);
    counts[0]++;
    String v = violation(r, a);
    if (a.status() >= 400 && a.status() < 500) {
      counts[1]++;
    }
    if (v != null) {
      counts[2]++;
      String line = r.kind() + " " + r.method() + " " + abbreviate(r.target()) + " → " + a.status() + " "
          + a.contentType() + ": " + v + " " + abbreviate(a.body());
      violations.add(line);
      List<String> e = examples.computeIfAbsent(r.kind(), k -> new ArrayList<>());
      if (e.size() < 3) {
        e.add(line);
      }
    }
    return v;
  }

  static String violation(HostileRequest r, RawHttp.Answer a) {
    if (a.headers().containsKey("x-injected")) {
      return "a header was injected into the response";
    }
    if (a.status() == 0) {
      return "no HTTP answer";
    }
    if (a.status() >= 500) {
      return "server error";
    }
    if (a.status() >= 400) {
      if (!a.contentType().startsWith("application/problem+json")) {
        return "a 4xx that is not application/problem+json";
      }
      try {
        JsonNode p = JSON.readTree(a.body());
        if (p.path("status").asInt() != a.status() || p.path("detail").asText("").isBlank()) {
          return "problem without matching status or a detail";
        }
      } catch (Exception e) {
        return "problem body is not JSON";
      }
      return null;
    }
    if (r.mustReject()) {
      return "accepted a request that must be refused";
    }
    return null;
  }

  public synchronized List<String> violations() {
    return List.copyOf(violations);
  }

  /** Up to three violating answers per kind. */
  public synchronized List<String> examples() {
    return examples.values().stream().flatMap(List::stream).toList();
  }

  public synchronized Map<Integer, Integer> byStatus() {
    return new TreeMap<>(byStatus);
  }

  /** Per kind: requests, 4xx answers, violations. */
  public synchronized Map<String, int[]> byKind() {
    return new TreeMap<>(byKind);
  }

  private static String abbreviate(String s) {
    String t = s.replace("\r", "\\r").replace("\n", "\\n");
    return t.length() > 160 ? t.substring(0, 160) + "…(" + t.length() + ")" : t;
  }
}
