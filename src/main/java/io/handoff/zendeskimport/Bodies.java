package io.handoff.zendeskimport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.support.SupportVocabulary;
import io.handoff.trigger.DynamicContent;
import io.handoff.trigger.DynamicContentLoader;
import io.handoff.trigger.Liquid;
import io.handoff.trigger.Placeholders;
import io.handoff.zendeskimport.IdMapping.Kind;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks comment, e-mail and webhook bodies. Placeholders and Liquid are kept as written (Handoff runs
 * the Liquid subset of {@code io.handoff.trigger.Liquid}); {@code {{ticket.ticket_field_<id>}}} is
 * rewritten to the mapped custom field key. What Handoff cannot render makes the rule unsupported, each
 * reason with its line in the body: an unknown placeholder, a Liquid tag or filter outside the subset, a
 * {@code {{dc.name}}} with no dynamic content item. {@code {{ticket.url}}} / {@code {{ticket.link}}}
 * without a known {@code helpdesk.yaml} account are imported with a warning (they would render empty).
 */
final class Bodies {

  /** A ticket field id in a placeholder or a Liquid expression ({@code {% if ticket.ticket_field_360 %}}). */
  private static final Pattern FIELD = Pattern.compile("\\bticket\\.ticket_field_(\\d+)\\b(?!-)");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A list placeholder printed as it is ({@code {{ticket.comments}}}), not iterated with {@code {% for %}}. */
  private static final Pattern BARE_LIST = Pattern.compile("\\{\\{-?\\s*(ticket\\.(?:public_)?comments)\\s*-?}}");
  private static final String DATES = "Zendesk's placeholder reference shows this date's display format only by"
      + " example, so Handoff does not render it: use {{ticket.created_at_with_timestamp}} or"
      + " {{ticket.updated_at_with_timestamp}} (ISO 8601), which it renders";
  private static final String PEOPLE = "Handoff keeps no external ids or signatures of people";
  /** Zendesk placeholders met in public rule sets that Handoff does not render, with why. */
  private static final java.util.Map<String, String> UNRENDERED = java.util.Map.of(
      "ticket.created_at", DATES, "ticket.updated_at", DATES,
      "ticket.created_at_with_time", DATES, "ticket.updated_at_with_time", DATES,
      "ticket.requester.external_id", PEOPLE, "ticket.assignee.external_id", PEOPLE,
      "current_user.external_id", PEOPLE, "current_user.signature", PEOPLE);

  /**
   * What the import knows about the target rules.
   *
   * @param dynamicContent the dynamic content item names a body may use (imported and already defined)
   * @param account true when the target's {@code helpdesk.yaml} has {@code account.ticketUrl}, false when it
   *     has none, null when the import does not know the target
   * @param targets the account's targets ({@code GET /api/v2/targets}), or null when not given
   * @param webhooks the account's webhooks ({@code GET /api/v2/webhooks}), or null when not given
   */
  record Context(java.util.Set<String> dynamicContent, Boolean account, JsonNode targets, JsonNode webhooks) {
    static final Context NONE = new Context(java.util.Set.of(), null);

    Context {
      dynamicContent = java.util.Set.copyOf(dynamicContent);
    }

    Context(java.util.Set<String> dynamicContent, Boolean account) {
      this(dynamicContent, account, null, null);
    }

    /** The Zendesk webhook with this id ({@code GET /api/v2/webhooks}), or null (also when none were given). */
    JsonNode webhook(String id) {
      return byId(webhooks, "webhooks", id);
    }

    /** The target with this id, or null (also when no targets were given). */
    JsonNode target(String id) {
      return byId(targets, "targets", id);
    }

    /** The item with this id of a list endpoint's body ({@code {"<key>": [...]}}) or of its array, or null. */
    private static JsonNode byId(JsonNode list, String key, String id) {
      if (list == null) {
        return null;
      }
      for (JsonNode item : list.isArray() ? list : list.path(key)) {
        if (item.path("id").asText().equals(id)) {
          return item;
        }
      }
      return null;
    }
  }

  private Bodies() {}

  /**
   * The body with {@code {{ticket.ticket_field_<id>}}} mapped to Handoff's custom field keys, or null
   * when it cannot be imported (each reason recorded in {@code f}).
   */
  static String convert(String what, String text, IdMapping mapping, Findings f, Context context) {
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
      m.appendReplacement(out, Matcher.quoteReplacement(key == null ? m.group() : "ticket.ticket_field_" + key));
    }
    m.appendTail(out);
    String converted = out.toString();
    return check(what, converted, f, context) && mapped ? converted : null;
  }

  /** {@code text} with each mapped ticket field id replaced by its key (unmapped ids are left as they are). */
  static String mapFieldIds(String text, IdMapping mapping) {
    Matcher m = FIELD.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String key = mapping.lookup(Kind.CUSTOM_FIELDS, m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(key == null ? m.group() : "ticket.ticket_field_" + key));
    }
    return m.appendTail(out).toString();
  }

  /** Records what Handoff cannot render in {@code text}; returns false when the rule cannot load. */
  static boolean check(String what, String text, Findings f, Context context) {
    boolean ok = true;
    for (Liquid.Problem p : Placeholders.liquidProblems(text)) {
      f.unsupported.add(what + " line " + p.line() + ": " + p.message());
      ok = false;
    }
    for (Liquid.Reference r : Liquid.references(text)) {
      String name = r.name();
      String where = what + " line " + r.line();
      if (name.startsWith(DynamicContent.PREFIX)) {
        String item = name.substring(DynamicContent.PREFIX.length());
        if (!context.dynamicContent().contains(item)) {
          f.unsupported.add(where + ": placeholder {{" + name + "}}: no dynamic content item \"" + item
              + "\" (import GET /api/v2/dynamic_content/items with --dynamic-content, or define it in "
              + DynamicContentLoader.FILE + ")");
          ok = false;
        }
        continue;
      }
      if (SupportVocabulary.isPlaceholder(name)) {
        if ((name.equals("ticket.url") || name.equals("ticket.link")) && !Boolean.TRUE.equals(context.account())) {
          f.warnings.add(where + ": {{" + name + "}} renders the ticket's link from helpdesk.yaml account.ticketUrl, "
              + (context.account() == null ? "which this import cannot see" : "which is not set")
              + ": set it (account: {ticketUrl: https://.../{id}}), else the link renders empty");
        }
        continue;
      }
      if (name.startsWith("ticket.ticket_field_option_title_")) {
        f.unsupported.add(where + ": placeholder {{" + name + "}}: Handoff keeps the option's tag, not its title");
      } else {
        f.unsupported.add(where + ": placeholder {{" + name + "}} cannot be rendered by Handoff"
            + (UNRENDERED.containsKey(name) ? ": " + UNRENDERED.get(name) : ""));
      }
      ok = false;
    }
    Matcher bare = BARE_LIST.matcher(text);
    while (bare.find()) {
      f.unsupported.add(what + " line " + line(text, bare.start()) + ": placeholder {{" + bare.group(1) + "}} printed"
          + " as a whole: Zendesk prints its internal comment objects there (undocumented), Handoff renders lists only"
          + " in {% for %} loops or with a filter such as size");
      ok = false;
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
