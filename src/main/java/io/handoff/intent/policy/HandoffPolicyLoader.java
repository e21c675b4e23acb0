package io.handoff.intent.policy;

import io.handoff.yaml.Loaded;
import io.handoff.intent.Urgency;
import io.handoff.ticket.TicketPriority;
import io.handoff.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** Loads and validates {@code workflows/handoff-policy.yaml}, every problem with its line. */
public final class HandoffPolicyLoader {
  private HandoffPolicyLoader() {}

  public static Loaded<HandoffPolicy> load(Path file) {
    return load(YamlReader.of(file));
  }

  /**
   * The policy a journey applies: {@code workflows/handoff-policy.yaml} with the human-request patterns
   * of {@code prompts/human-requests.yaml} and, as the only intents the AI may resolve, those with a
   * reviewed answer in {@code prompts/replies.yaml}. Throws with every error when a file is invalid.
   */
  public static HandoffPolicy forDirectories(Path workflowsDir, Path promptsDir) {
    HandoffPolicy policy = load(workflowsDir.resolve("handoff-policy.yaml")).orThrow();
    HumanRequestDetector detector = HumanRequestsLoader.load(promptsDir).orThrow();
    var replies = io.handoff.intent.replies.AiRepliesLoader.forPrompts(promptsDir);
    return policy.withPrompts(detector, replies.answerableIntents());
  }

  public static Loaded<HandoffPolicy> load(YamlReader doc) {
    MappingNode root = doc.rootMap();
    if (root == null) {
      return new Loaded<>(null, doc.errors());
    }
    onlyKeys(doc, root, "the policy", "defaultGroup", "groups", "thresholds", "alwaysHuman", "urgencyPriority");
    String defaultGroup = YamlReader.get(root, "defaultGroup")
        .map(n -> doc.text(n, null, "defaultGroup")).orElse("general");
    Map<String, String> groups = new LinkedHashMap<>();
    YamlReader.get(root, "groups").map(n -> doc.map(n, null, "groups")).ifPresent(m -> doc.forEachEntry(m,
        (k, v) -> Optional.ofNullable(doc.text(v, null, "group of " + k.getValue())).ifPresent(g -> groups.put(k.getValue(), g))));
    Optional<MappingNode> thresholds = YamlReader.get(root, "thresholds").map(n -> doc.map(n, null, "thresholds"));
    thresholds.ifPresent(t -> onlyKeys(doc, t, "thresholds", "handoffBelow", "clarifyBelow"));
    double handoffBelow = threshold(doc, thresholds, "handoffBelow", 0.35);
    double clarifyBelow = threshold(doc, thresholds, "clarifyBelow", handoffBelow);
    if (clarifyBelow < handoffBelow) {
      doc.error(thresholds.map(n -> (Node) n).orElse(root), null, "clarifyBelow must be >= handoffBelow");
    }
    Set<String> intents = new HashSet<>();
    Set<String> tiers = new HashSet<>();
    List<Pattern> legal = new ArrayList<>();
    double[] minScore = {1.0};
    YamlReader.get(root, "alwaysHuman").map(n -> doc.map(n, null, "alwaysHuman")).ifPresent(m -> {
      onlyKeys(doc, m, "alwaysHuman", "intents", "tiers", "legalPatterns", "minScore");
      YamlReader.get(m, "intents").ifPresent(n -> intents.addAll(doc.strings(n, null, "alwaysHuman.intents")));
      YamlReader.get(m, "tiers").ifPresent(n -> doc.strings(n, null, "alwaysHuman.tiers")
          .forEach(t -> tiers.add(t.toLowerCase(Locale.ROOT))));
      YamlReader.get(m, "legalPatterns").ifPresent(n -> readPatterns(doc, n, legal));
      YamlReader.get(m, "minScore").map(n -> doc.number(n, null, "alwaysHuman.minScore", 0, 1))
          .ifPresent(v -> minScore[0] = v);
    });
    Map<Urgency, TicketPriority> priorities = readPriorities(doc, root);
    HandoffPolicy policy = new HandoffPolicy(doc.version(), defaultGroup, groups, handoffBelow, clarifyBelow,
        intents, minScore[0], tiers, legal, priorities);
    return new Loaded<>(doc.errors().isEmpty() ? policy : null, doc.errors());
  }

  /** Reports every key of {@code map} that is not one of {@code allowed} (a misspelt key is not ignored). */
  private static void onlyKeys(YamlReader doc, MappingNode map, String where, String... allowed) {
    doc.mapping(map, null, where, Set.of(allowed));
  }

  private static double threshold(YamlReader doc, Optional<MappingNode> m, String key, double dflt) {
    return m.flatMap(t -> YamlReader.get(t, key)).map(n -> doc.number(n, null, "thresholds." + key, 0, 1))
        .orElse(dflt);
  }

  private static void readPatterns(YamlReader doc, Node list, List<Pattern> out) {
    doc.forEachItem(list, null, "alwaysHuman.legalPatterns", item -> Optional.ofNullable(doc.text(item, null, "pattern")).ifPresent(p -> {
      try {
        out.add(Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
      } catch (PatternSyntaxException e) {
        doc.error(item, null, "invalid regex \"" + p + "\": " + e.getDescription());
      }
    }));
  }

  private static Map<Urgency, TicketPriority> readPriorities(YamlReader doc, MappingNode root) {
    Map<Urgency, TicketPriority> out = new EnumMap<>(Urgency.class);
    YamlReader.get(root, "urgencyPriority").map(n -> doc.map(n, null, "urgencyPriority")).ifPresent(
        m -> doc.forEachEntry(m, (k, v) -> {
          Urgency u = parse(k.getValue());
          TicketPriority p = Optional.ofNullable(doc.text(v, null, "priority")).map(TicketPriority::fromWire).orElse(null);
          if (u == null) {
            doc.error(k, null, "unknown urgency \"" + k.getValue() + "\" (low, normal, high, urgent)");
          } else if (p == null) {
            doc.error(v, null, "unknown priority for " + k.getValue() + " (low, normal, high, urgent)");
          } else {
            out.put(u, p);
          }
        }));
    return out;
  }

  private static Urgency parse(String s) {
    try {
      return Urgency.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
