package io.handoff.zendeskimport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.support.SupportVocabulary;
import io.handoff.trigger.Placeholders;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks comment, e-mail and webhook bodies. Placeholders are kept; one Handoff cannot render (unknown
 * name, or a Liquid filter such as {@code {{ticket.id | upcase}}}) makes the rule unsupported, because
 * Handoff refuses unknown placeholders at load time. Liquid tags ({@code {% if %}}) are kept as text
 * and reported: Handoff does not run Liquid, so they reach the recipient verbatim.
 */
final class Bodies {

  private static final Pattern LIQUID_TAG = Pattern.compile("\\{%-?\\s*(\\w+)[^%]*%}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private Bodies() {}

  /** Records what Handoff cannot render in {@code text}; returns false when the rule cannot load. */
  static boolean check(String what, String text, Findings f) {
    boolean ok = true;
    for (String name : Placeholders.unknown(text, SupportVocabulary.PLACEHOLDERS)) {
      f.unsupported.add(what + ": placeholder {{" + name + "}} cannot be rendered by Handoff");
      ok = false;
    }
    Matcher m = LIQUID_TAG.matcher(text);
    while (m.find()) {
      f.warnings.add(what + ": Liquid tag {% " + m.group(1) + " %} is kept as literal text (Handoff does not run Liquid)");
    }
    return ok;
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
