package io.handoff.zendeskimport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.support.SupportVocabulary;
import io.handoff.trigger.Placeholders;
import io.handoff.zendeskimport.IdMapping.Kind;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks comment, e-mail and webhook bodies. Placeholders are kept; {@code {{ticket.ticket_field_<id>}}}
 * is rewritten to the mapped custom field key. One Handoff cannot render (unknown name, or a Liquid
 * filter such as {@code {{ticket.id | upcase}}}) makes the rule unsupported, because Handoff refuses
 * unknown placeholders at load time. Liquid tags ({@code {% if %}}) are kept as text and reported with
 * their line in the body: Handoff does not run Liquid, so they reach the recipient verbatim.
 */
final class Bodies {

  private static final Pattern LIQUID_TAG = Pattern.compile("\\{%-?\\s*(\\w+)[^%]*%}");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
  private static final Pattern FIELD = Pattern.compile("\\{\\{\\s*ticket\\.ticket_field_(\\d+)\\s*}}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private Bodies() {}

  /**
   * The body with {@code {{ticket.ticket_field_<id>}}} mapped to Handoff's custom field keys, or null
   * when it cannot be imported (each reason recorded in {@code f}).
   */
  static String convert(String what, String text, IdMapping mapping, Findings f) {
    Matcher m = FIELD.matcher(text);
    StringBuilder out = new StringBuilder();
    boolean mapped = true;
    while (m.find()) {
      String key = mapping.lookup(Kind.CUSTOM_FIELDS, m.group(1));
      if (key == null) {
        f.needsMapping.add(what + " line " + line(text, m.start()) + ": placeholder {{ticket.ticket_field_"
            + m.group(1) + "}}: custom field " + m.group(1) + " has no mapping");
        mapped = false;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(key == null ? m.group() : "{{ticket.ticket_field_" + key + "}}"));
    }
    m.appendTail(out);
    String converted = out.toString();
    return check(what, converted, f) && mapped ? converted : null;
  }

  /** Records what Handoff cannot render in {@code text}; returns false when the rule cannot load. */
  static boolean check(String what, String text, Findings f) {
    boolean ok = true;
    Matcher p = PLACEHOLDER.matcher(text);
    while (p.find()) {
      String name = p.group(1).trim();
      if (SupportVocabulary.isPlaceholder(name)) {
        continue;
      }
      String where = what + " line " + line(text, p.start());
      int bar = name.indexOf('|');
      if (bar > 0) {
        f.unsupported.add(where + ": placeholder {{" + name + "}} uses the Liquid filter \""
            + name.substring(bar + 1).trim().split("[\\s:]")[0] + "\", which Handoff does not run");
      } else if (name.startsWith("ticket.ticket_field_option_title_")) {
        f.unsupported.add(where + ": placeholder {{" + name + "}}: Handoff keeps the option's tag, not its title");
      } else {
        f.unsupported.add(where + ": placeholder {{" + name + "}} cannot be rendered by Handoff");
      }
      ok = false;
    }
    Matcher m = LIQUID_TAG.matcher(text);
    while (m.find()) {
      f.warnings.add(what + " line " + line(text, m.start()) + ": Liquid tag {% " + m.group(1)
          + " %} is kept as literal text (Handoff does not run Liquid)");
    }
    return ok;
  }

  private static int line(String text, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** A webhook body must be JSON once placeholders are rendered (Handoff quotes placeholder values). */
  static boolean checkJson(String what, String body, Findings f) {
    try {
      JSON.readTree(Placeholders.renderJson(body, name -> "x"));
      return true;
    } catch (JsonProcessingException e) {
      f.unsupported.add(what + ": webhook body is not JSON once placeholders are rendered ("
          + e.getOriginalMessage() + ")");
      return false;
    }
  }
}
