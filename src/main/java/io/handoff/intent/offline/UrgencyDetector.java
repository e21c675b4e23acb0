package io.handoff.intent.offline;

import io.handoff.intent.Urgency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Finds the taxonomy's urgency words in a message; the highest level found wins. */
public final class UrgencyDetector {
  private final Map<Urgency, Pattern> patterns = new java.util.EnumMap<>(Urgency.class);

  public UrgencyDetector(Map<Urgency, List<String>> words) {
    words.forEach((level, list) -> {
      if (!list.isEmpty()) {
        String alternation = String.join("|", list.stream().map(Pattern::quote).toList());
        patterns.put(level, Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternation + ")(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
      }
    });
  }

  public Urgency detect(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (Urgency level : List.of(Urgency.URGENT, Urgency.HIGH, Urgency.LOW)) {
      Pattern p = patterns.get(level);
      if (p != null && p.matcher(lower).find()) {
        return level;
      }
    }
    return Urgency.NORMAL;
  }
}
