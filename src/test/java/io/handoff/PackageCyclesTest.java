package io.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layering of README's "Code layout": no dependency cycle between the top-level packages under
 * {@code io.handoff} (issue 19). Edges are read from the sources (imports and fully qualified names, with
 * comments and string literals left out), as {@code bench/package-cycles.py} reads them from the classes.
 */
class PackageCyclesTest {

  static final Path MAIN = Path.of("src/main/java/io/handoff");
  static final Pattern REFERENCE = Pattern.compile("\\bio\\.handoff\\.([a-z][a-z0-9]*)\\.");

  @Test
  void noTopLevelPackageDependsOnItselfThroughOthers() {
    Map<String, Set<String>> edges = edges();
    assertThat(edges).as("top-level packages read").hasSizeGreaterThan(15);
    assertThat(cycles(edges)).as("dependency cycles between top-level packages").isEmpty();
  }

  @Test
  void theBottomLayersImportNothingAboveThem() {
    Map<String, Set<String>> edges = edges();
    for (String bottom : List.of("yaml", "model", "metrics", "problem", "jdbc")) {
      assertThat(edges.getOrDefault(bottom, Set.of())).as(bottom + " imports").isEmpty();
    }
    assertThat(edges.get("trigger")).as("the trigger kernel imports").containsOnly("yaml");
  }

  @Test
  void aCycleIsFound() {
    Map<String, Set<String>> edges = new TreeMap<>();
    edges.put("a", Set.of("b"));
    edges.put("b", Set.of("c"));
    edges.put("c", Set.of("a"));
    edges.put("d", Set.of("a"));
    assertThat(cycles(edges)).containsExactly(List.of("a", "b", "c"));
    assertThat(edges(Map.of("x", "import io.handoff.y.Z; // io.handoff.w.V\n/* io.handoff.v.W */ String s = \"io.handoff.u.T\";")))
        .containsEntry("x", Set.of("y"));
  }

  static Map<String, Set<String>> edges() {
    Map<String, String> sources = new HashMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Path rel = MAIN.relativize(f);
        if (rel.getNameCount() < 2) {
          continue; // io.handoff itself (the main class) sits on top of everything
        }
        sources.merge(rel.getName(0).toString(), Files.readString(f), (a, b) -> a + "\n" + b);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return edges(sources);
  }

  static Map<String, Set<String>> edges(Map<String, String> sourcesByPackage) {
    Map<String, Set<String>> edges = new TreeMap<>();
    sourcesByPackage.forEach((pkg, source) -> {
      Set<String> to = edges.computeIfAbsent(pkg, k -> new TreeSet<>());
      Matcher m = REFERENCE.matcher(code(source));
      while (m.find()) {
        if (!m.group(1).equals(pkg)) {
          to.add(m.group(1));
        }
      }
    });
    return edges;
  }

  /** The source without comments and string or character literals. */
  static String code(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (s.startsWith("//", i)) {
        i = s.indexOf('\n', i) < 0 ? s.length() : s.indexOf('\n', i);
      } else if (s.startsWith("/*", i)) {
        i = s.indexOf("*/", i + 2) < 0 ? s.length() : s.indexOf("*/", i + 2) + 2;
      } else if (s.startsWith("\"\"\"", i)) {
        i = s.indexOf("\"\"\"", i + 3) < 0 ? s.length() : s.indexOf("\"\"\"", i + 3) + 3;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != c && s.charAt(j) != '\n') {
          j += s.charAt(j) == '\\' ? 2 : 1;
        }
        i = j + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Strongly connected components of more than one package (Tarjan), each sorted. */
  static List<List<String>> cycles(Map<String, Set<String>> edges) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<List<String>> out = new ArrayList<>();
    for (String v : edges.keySet()) {
      if (!index.containsKey(v)) {
        connect(v, edges, index, low, stack, onStack, out);
      }
    }
    return out;
  }

  private static void connect(String v, Map<String, Set<String>> edges, Map<String, Integer> index,
      Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<List<String>> out) {
    index.put(v, index.size());
    low.put(v, index.get(v));
    stack.push(v);
    onStack.add(v);
    for (String w : edges.getOrDefault(v, Set.of())) {
      if (!index.containsKey(w)) {
        connect(w, edges, index, low, stack, onStack, out);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      List<String> component = new ArrayList<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        component.add(w);
      } while (!w.equals(v));
      if (component.size() > 1) {
        out.add(component.stream().sorted().toList());
      }
    }
  }
}
