package io.handoff.zendeskimport;

import com.fasterxml.jackson.databind.JsonNode;
import io.handoff.zendeskimport.IdMapping.Kind;
import io.handoff.zendeskimport.ImportReport.Item;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns Zendesk business-hours schedules ({@code GET /api/v2/business_hours/schedules}, each optionally
 * with the {@code holidays} of {@code GET /api/v2/business_hours/schedules/{id}/holidays}) into the
 * document of {@code business-hours.yaml}. Weekly {@code intervals} are minutes from Sunday 00:00
 * ({@code start_time}, {@code end_time}); an interval crossing midnight is split at midnight. Time zones
 * are Zendesk's Rails names ("Eastern Time (US & Canada)") or IANA names ({@link RailsTimeZones}).
 * The first schedule listed is the default one (Zendesk's default schedule is the first of the list).
 * Schedule names go through the mapping's {@code schedules} section (pre-filled with Zendesk's names),
 * which is also how {@code set_schedule} actions name them.
 */
final class ScheduleImporter {

  private static final String[] DAYS = {"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
  private static final int WEEK = 7 * 1440;

  private final IdMapping mapping;
  private final List<Item> items;
  private final Set<String> imported = new LinkedHashSet<>();

  ScheduleImporter(IdMapping mapping, List<Item> items) {
    this.mapping = mapping;
    this.items = items;
  }

  /** Zendesk ids of the schedules written. */
  Set<String> imported() {
    return imported;
  }

  /** The business-hours document, or null when the input has no schedule at all. */
  Map<String, Object> convert(JsonNode body) {
    List<JsonNode> list = list(body);
    if (list.isEmpty()) {
      return null;
    }
    List<Map<String, Object>> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (JsonNode s : list) {
      Map<String, Object> m = schedule(s, names);
      if (m != null) {
        out.add(m);
      }
    }
    if (out.isEmpty()) {
      return null;
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("default", out.get(0).get("name"));
    doc.put("schedules", out);
    return doc;
  }

  private static List<JsonNode> list(JsonNode body) {
    JsonNode arr = body == null ? null : body.isArray() ? body : body.has("schedules") ? body.get("schedules")
        : body.has("schedule") ? body.get("schedule") : null;
    List<JsonNode> out = new ArrayList<>();
    if (arr != null && arr.isArray()) {
      arr.forEach(out::add);
    } else if (arr != null && arr.isObject()) {
      out.add(arr);
    }
    return out;
  }

  private Map<String, Object> schedule(JsonNode s, Set<String> names) {
    Findings f = new Findings();
    String id = s.path("id").asText("");
    String title = s.path("name").asText(id);
    String zoneName = s.path("time_zone").asText("");
    String zone = RailsTimeZones.toIana(zoneName);
    if (zone == null) {
      f.unsupported.add("time_zone \"" + zoneName + "\" is neither a Zendesk (Rails) time-zone name nor an IANA zone");
    }
    Map<String, List<String>> hours = hours(s.path("intervals"), f);
    if (hours.isEmpty() && f.unsupported.isEmpty()) {
      f.unsupported.add("intervals: a schedule needs at least one open interval");
    }
    List<Map<String, Object>> holidays = holidays(s.path("holidays"), f);
    mapping.suggest(Kind.SCHEDULES, id, title);
    String name = mapping.lookup(Kind.SCHEDULES, id);
    if (name != null && f.clean() && !names.add(name)) {
      name = name + " [zendesk " + id + "]";
      mapping.suggest(Kind.SCHEDULES, id, name);
      f.warnings.add("duplicate schedule name renamed to \"" + name + "\"");
    }
    if (zone != null && !zone.equals(zoneName)) {
      f.warnings.add("time_zone \"" + zoneName + "\" imported as " + zone);
    }
    items.add(ImportReport.item(ImportReport.Kind.SCHEDULE, id, title, f));
    if (!f.clean()) {
      return null;
    }
    imported.add(id);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    out.put("time_zone", zone);
    out.put("hours", hours);
    if (!holidays.isEmpty()) {
      out.put("holidays", holidays);
    }
    return out;
  }

  /** Weekly minutes from Sunday 00:00 to {@code day: ["HH:MM-HH:MM", ...]}, Monday first. */
  private static Map<String, List<String>> hours(JsonNode intervals, Findings f) {
    Map<Integer, List<int[]>> byDay = new LinkedHashMap<>();
    for (JsonNode iv : intervals) {
      int start = iv.path("start_time").asInt(-1);
      int end = iv.path("end_time").asInt(-1);
      if (!iv.path("start_time").canConvertToInt() || !iv.path("end_time").canConvertToInt()
          || start < 0 || end > WEEK || start >= end) {
        f.unsupported.add("interval " + iv + ": start_time and end_time must be minutes from Sunday 00:00,"
            + " start before end, within the week (0-10080)");
        continue;
      }
      for (int from = start; from < end; ) {
        int day = from / 1440;
        int to = Math.min(end, (day + 1) * 1440);
        byDay.computeIfAbsent(day % 7, k -> new ArrayList<>()).add(new int[] {from - day * 1440, to - day * 1440});
        from = to;
      }
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (int d : new int[] {1, 2, 3, 4, 5, 6, 0}) {
      List<int[]> ranges = byDay.get(d);
      if (ranges == null) {
        continue;
      }
      ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
      List<String> texts = new ArrayList<>();
      int[] last = null;
      for (int[] r : ranges) {
        if (last != null && r[0] < last[1]) {
          f.unsupported.add("intervals overlap on " + DAYS[d]);
        } else if (last != null && r[0] == last[1]) {
          last[1] = r[1];
          texts.set(texts.size() - 1, time(last[0]) + "-" + time(last[1]));
          continue;
        }
        last = r;
        texts.add(time(r[0]) + "-" + time(r[1]));
      }
      out.put(DAYS[d], texts);
    }
    return out;
  }

  private static List<Map<String, Object>> holidays(JsonNode holidays, Findings f) {
    List<Map<String, Object>> out = new ArrayList<>();
    JsonNode arr = holidays.has("holidays") ? holidays.get("holidays") : holidays;
    for (JsonNode h : arr) {
      try {
        LocalDate from = LocalDate.parse(h.path("start_date").asText(""));
        LocalDate to = LocalDate.parse(h.path("end_date").asText(h.path("start_date").asText("")));
        if (to.isBefore(from)) {
          f.unsupported.add("holiday " + h + ": end_date before start_date");
          continue;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", h.path("name").asText(from.toString()));
        m.put("from", from.toString());
        m.put("to", to.toString());
        out.add(m);
      } catch (DateTimeException e) {
        f.unsupported.add("holiday " + h + ": start_date and end_date must be YYYY-MM-DD");
      }
    }
    return out;
  }

  private static String time(int minute) {
    return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
  }
}
