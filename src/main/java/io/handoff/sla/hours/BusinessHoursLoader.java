package io.handoff.sla.hours;

import io.handoff.yaml.Loaded;
import io.handoff.yaml.YamlReader;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads {@code workflows/business-hours.yaml} (format in {@code docs/sla.md}), reporting every
 * problem as {@code file:line: rule "schedule": message}. Runs outside workflows (it reads files).
 */
public final class BusinessHoursLoader {

  private static final Pattern RANGE = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");
  private static final Set<String> TOP = Set.of("default", "schedules");
  private static final Set<String> SCHEDULE = Set.of("name", "time_zone", "hours", "holidays");
  private static final Set<String> HOLIDAY = Set.of("name", "date", "from", "to");
  private static final Map<String, List<DayOfWeek>> DAYS = days();

  private BusinessHoursLoader() {}

  public static Loaded<BusinessHours> load(Path file) {
    YamlReader r = new YamlReader(file.toString());
    return read(r, r.read(file));
  }

  public static Loaded<BusinessHours> parse(String fileName, String text) {
    YamlReader r = new YamlReader(fileName);
    return read(r, r.parse(text));
  }

  private static Loaded<BusinessHours> read(YamlReader r, Node root) {
    Map<String, Node> top = root == null ? null : r.mapping(root, null, "business hours file", TOP);
    if (top == null) {
      return r.result(null);
    }
    Map<String, BusinessSchedule> schedules = new LinkedHashMap<>();
    List<Node> items = top.containsKey("schedules") ? r.sequence(top.get("schedules"), null, "schedules") : null;
    if (items == null && !top.containsKey("schedules")) {
      r.missing(root, null, "schedules");
    }
    for (Node item : items == null ? List.<Node>of() : items) {
      BusinessSchedule s = schedule(r, item);
      if (s != null && schedules.putIfAbsent(s.name(), s) != null) {
        r.error(item, s.name(), "duplicate schedule name");
      }
    }
    String def = top.containsKey("default") ? r.scalar(top.get("default"), null, "default")
        : schedules.keySet().stream().findFirst().orElse(null);
    if (def != null && !schedules.isEmpty() && !schedules.containsKey(def)) {
      r.error(top.get("default"), null, "default schedule \"" + def + "\" is not defined");
    }
    if (schedules.isEmpty() || r.hasErrors()) {
      if (schedules.isEmpty() && items != null && !r.hasErrors()) {
        r.error(top.get("schedules"), null, "at least one schedule is required");
      }
      return r.result(null);
    }
    return r.result(new BusinessHours(def, schedules));
  }

  private static BusinessSchedule schedule(YamlReader r, Node node) {
    Map<String, Node> m = r.mapping(node, null, "schedule", SCHEDULE);
    if (m == null) {
      return null;
    }
    String name = m.containsKey("name") ? r.scalar(m.get("name"), null, "name") : null;
    if (name == null) {
      r.missing(node, null, "name");
      return null;
    }
    String zone = m.containsKey("time_zone") ? r.scalar(m.get("time_zone"), name, "time_zone") : null;
    if (zone == null) {
      r.missing(node, name, "time_zone");
    } else if (!validZone(zone)) {
      r.error(m.get("time_zone"), name, "unknown time zone \"" + zone + "\"");
      zone = null;
    }
    List<WeeklyInterval> hours = m.containsKey("hours") ? hours(r, name, m.get("hours")) : null;
    if (hours == null && !m.containsKey("hours")) {
      r.missing(node, name, "hours");
    } else if (hours != null && hours.isEmpty()) {
      r.error(m.get("hours"), name, "a schedule needs at least one open interval");
    }
    List<Holiday> holidays = m.containsKey("holidays") ? holidays(r, name, m.get("holidays")) : List.of();
    if (zone == null || hours == null || hours.isEmpty() || holidays == null) {
      return null;
    }
    return new BusinessSchedule(name, zone, hours, holidays);
  }

  private static List<WeeklyInterval> hours(YamlReader r, String rule, Node node) {
    Map<String, Node> m = r.mapping(node, rule, "hours", DAYS.keySet());
    if (m == null) {
      return null;
    }
    List<WeeklyInterval> out = new ArrayList<>();
    boolean ok = true;
    for (Map.Entry<String, Node> e : m.entrySet()) {
      List<Node> ranges = e.getValue() instanceof org.yaml.snakeyaml.nodes.ScalarNode
          ? List.of(e.getValue()) : r.sequence(e.getValue(), rule, "hours." + e.getKey());
      for (Node rn : ranges == null ? List.<Node>of() : ranges) {
        for (DayOfWeek day : DAYS.get(e.getKey())) {
          WeeklyInterval iv = interval(r, rule, rn, day);
          ok &= iv != null && addWithoutOverlap(r, rule, rn, out, iv);
        }
      }
      ok &= ranges != null;
    }
    return ok ? out : null;
  }

  private static WeeklyInterval interval(YamlReader r, String rule, Node node, DayOfWeek day) {
    String text = r.scalar(node, rule, "opening hours");
    Matcher mt = text == null ? null : RANGE.matcher(text);
    if (mt == null || !mt.matches()) {
      if (text != null) {
        r.error(node, rule, "opening hours \"" + text + "\" must look like 09:00-17:30");
      }
      return null;
    }
    int start = minutes(mt.group(1), mt.group(2));
    int end = minutes(mt.group(3), mt.group(4));
    if (start < 0 || end < 0 || start >= 1440 || start >= end) {
      r.error(node, rule, "opening hours \"" + text + "\" must run forward within one day (00:00 to 24:00)");
      return null;
    }
    return new WeeklyInterval(day, start, end);
  }

  private static boolean addWithoutOverlap(YamlReader r, String rule, Node node, List<WeeklyInterval> out,
      WeeklyInterval iv) {
    if (out.stream().anyMatch(iv::overlaps)) {
      r.error(node, rule, "opening hours overlap on " + iv.day().name().toLowerCase(java.util.Locale.ROOT));
      return false;
    }
    out.add(iv);
    return true;
  }

  private static List<Holiday> holidays(YamlReader r, String rule, Node node) {
    List<Node> items = r.sequence(node, rule, "holidays");
    if (items == null) {
      return null;
    }
    List<Holiday> out = new ArrayList<>();
    boolean ok = true;
    for (Node item : items) {
      Holiday h = holiday(r, rule, item);
      ok &= h != null;
      if (h != null) {
        out.add(h);
      }
    }
    return ok ? out : null;
  }

  private static Holiday holiday(YamlReader r, String rule, Node node) {
    if (node instanceof org.yaml.snakeyaml.nodes.ScalarNode) {
      LocalDate d = date(r, rule, node);
      return d == null ? null : new Holiday(d.toString(), d, d);
    }
    Map<String, Node> m = r.mapping(node, rule, "holiday", HOLIDAY);
    if (m == null) {
      return null;
    }
    String name = m.containsKey("name") ? r.scalar(m.get("name"), rule, "holiday name") : null;
    if (m.containsKey("date") == (m.containsKey("from") || m.containsKey("to"))) {
      r.error(node, rule, "a holiday needs either \"date\" or both \"from\" and \"to\"");
      return null;
    }
    LocalDate from = date(r, rule, m.containsKey("date") ? m.get("date") : m.get("from"));
    LocalDate to = m.containsKey("date") ? from : date(r, rule, m.get("to"));
    if (from == null || to == null) {
      return null;
    }
    if (to.isBefore(from)) {
      r.error(node, rule, "holiday ends (" + to + ") before it starts (" + from + ")");
      return null;
    }
    return new Holiday(name == null ? from.toString() : name, from, to);
  }

  private static LocalDate date(YamlReader r, String rule, Node node) {
    if (node == null) {
      return null;
    }
    String text = r.scalar(node, rule, "date");
    try {
      return text == null ? null : LocalDate.parse(text);
    } catch (DateTimeException e) {
      r.error(node, rule, "date \"" + text + "\" must be YYYY-MM-DD");
      return null;
    }
  }

  private static int minutes(String h, String m) {
    int hh = Integer.parseInt(h);
    int mm = Integer.parseInt(m);
    return hh > 24 || mm > 59 || (hh == 24 && mm != 0) ? -1 : hh * 60 + mm;
  }

  private static boolean validZone(String zone) {
    try {
      ZoneId.of(zone);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static Map<String, List<DayOfWeek>> days() {
    Map<String, List<DayOfWeek>> m = new LinkedHashMap<>();
    for (DayOfWeek d : DayOfWeek.values()) {
      m.put(d.name().toLowerCase(java.util.Locale.ROOT), List.of(d));
    }
    m.put("weekdays", List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
        DayOfWeek.FRIDAY));
    m.put("weekends", List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    m.put("every_day", List.of(DayOfWeek.values()));
    return java.util.Collections.unmodifiableMap(m);
  }
}
