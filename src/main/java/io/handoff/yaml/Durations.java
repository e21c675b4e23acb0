package io.handoff.yaml;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the durations written in {@code workflows/} files: {@code 90} (minutes, as Zendesk targets
 * are), or units {@code d h m s} combined, e.g. {@code 1h30m}, {@code 45s}, {@code 2d}.
 */
public final class Durations {

  private static final Pattern PART = Pattern.compile("(\\d+)([dhms])");
  private static final Pattern WHOLE = Pattern.compile("((\\d+)[dhms])+");

  private Durations() {}

  /** The duration, or null when the text is not a valid duration. */
  public static Duration parse(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
    if (t.matches("\\d{1,9}")) {
      return Duration.ofMinutes(Long.parseLong(t));
    }
    if (!WHOLE.matcher(t).matches()) {
      return null;
    }
    Duration d = Duration.ZERO;
    Matcher m = PART.matcher(t);
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      d = d.plus(switch (m.group(2)) {
        case "d" -> Duration.ofDays(n);
        case "h" -> Duration.ofHours(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofSeconds(n);
      });
    }
    return d;
  }

  /** Formats like the input syntax, e.g. {@code 1h30m}; zero is {@code 0s}. */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder sb = new StringBuilder(d.isNegative() ? "-" : "");
    Duration a = d.abs();
    append(sb, a.toDaysPart(), "d");
    append(sb, a.toHoursPart(), "h");
    append(sb, a.toMinutesPart(), "m");
    append(sb, a.toSecondsPart(), "s");
    return sb.toString();
  }

  private static void append(StringBuilder sb, long n, String unit) {
    if (n != 0) {
      sb.append(n).append(unit);
    }
  }
}
