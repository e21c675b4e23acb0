package io.handoff.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Ticket channels ("via"). Rule files use the channel names of public contract v1; Zendesk's numeric
 * {@code via_id} codes and via type names are accepted too. A code stands for the Handoff channels that
 * Zendesk would report with it: 75 (Zendesk messaging: Web Widget and mobile SDKs) matches
 * {@code web_widget}, {@code ios} and {@code android}; a code for a channel Handoff does not run (29
 * chat, 34 phone call, 57 SMS, ...) stands for Zendesk's via type name, the channel of tickets created
 * with that name (REST API, replayed Zendesk audits).
 */
public final class Via {

  private Via() {}

  /** Handoff's own channels. */
  static final List<String> NAMES = List.of(
      "web_widget", "ios", "android", "whatsapp", "facebook", "instagram", "email", "api", "web_form", "rule");

  /**
   * Every Zendesk via id (developer docs, "Via types reference") and the channel names it matches. Ids
   * without a Handoff channel map to Zendesk's via type name.
   */
  static final Map<String, List<String>> CODES = codes();

  /** Zendesk via type names that name a Handoff channel under another spelling. */
  static final Map<String, String> ALIASES = Map.of("mail", "email", "web", "web_form", "web_service", "api",
      "instagram_dm", "instagram", "sunshine_conversations_facebook_messenger", "facebook",
      "facebook_message", "facebook", "embeddable_widget", "web_widget");

  /** Names, via type names and codes, as accepted in rule files. */
  static final List<String> ALLOWED = Stream.of(NAMES.stream(),
      CODES.values().stream().flatMap(List::stream).filter(n -> !NAMES.contains(n)).distinct(),
      ALIASES.keySet().stream().sorted(), CODES.keySet().stream()).flatMap(s -> s).distinct().toList();

  private static Map<String, List<String>> codes() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("0", List.of("web_form"));
    m.put("4", List.of("email"));
    m.put("5", List.of("api"));
    m.put("8", List.of("rule"));
    String[][] own = {{"9", "linked_problem"}, {"10", "group_deletion"}, {"11", "user_change"},
        {"12", "user_deletion"}, {"13", "group_change"}, {"14", "resource_push"}, {"15", "iphone"},
        {"16", "get_satisfaction"}, {"17", "dropbox"}, {"19", "merge"}, {"20", "batch"},
        {"21", "recovered_from_suspended_tickets"}, {"22", "automatic_solution_suggestions"},
        {"23", "twitter_favorite"}, {"24", "topic"}, {"26", "twitter_dm"}, {"27", "closed_ticket"},
        {"29", "chat"}, {"30", "twitter"}, {"31", "ticket_sharing"}, {"33", "voicemail"},
        {"34", "phone_call_inbound"}, {"35", "phone_call_outbound"}, {"38", "facebook_post"},
        {"44", "api_voicemail"}, {"45", "api_phone_call_inbound"}, {"46", "api_phone_call_outbound"},
        {"50", "help_center"}, {"51", "sample_ticket"}, {"54", "satisfaction_prediction"},
        {"55", "any_channel"}, {"56", "mobile"}, {"57", "sms"}, {"63", "answer_bot_for_agents"},
        {"64", "answer_bot_for_slack"}, {"65", "answer_bot_for_sdk"}, {"66", "answer_bot_api"},
        {"67", "answer_bot_for_web_widget"}, {"69", "side_conversation"}, {"72", "line"}, {"73", "wechat"},
        {"76", "mailgun"}, {"77", "messagebird_sms"}, {"79", "telegram"}, {"80", "twilio_sms"},
        {"81", "viber"}, {"82", "google_rcs"}, {"83", "apple_business_chat"},
        {"84", "google_business_messages"}, {"85", "kakaotalk"}, {"87", "sunshine_conversations_api"},
        {"88", "sunshine_conversations_twitter_dm"}, {"90", "chat_transcript"},
        {"91", "business_messaging_slack_connect"}};
    for (String[] e : own) {
      m.put(e[0], List.of(e[1]));
    }
    m.put("41", List.of("facebook"));
    m.put("48", List.of("web_widget"));
    m.put("49", List.of("ios", "android"));
    m.put("74", List.of("whatsapp"));
    m.put("75", List.of("web_widget", "ios", "android", "native_messaging"));
    m.put("78", List.of("facebook"));
    m.put("86", List.of("instagram"));
    return Map.copyOf(m);
  }

  /** The channel names a rule-file value stands for (one, or several for 49 and 75). */
  static List<String> expand(String value) {
    if (value == null) {
      return null;
    }
    String v = value.trim();
    List<String> names = CODES.get(v);
    return names != null ? names : List.of(ALIASES.getOrDefault(v, v));
  }

  /** A ticket's channel as a name (codes and aliases resolved; a many-channel code to its first name). */
  static String normalise(String value) {
    return value == null ? null : expand(value).get(0);
  }

  /** True when a Zendesk via id names no channel Handoff's messaging runs (it only matches imported tickets). */
  public static boolean isForeign(String code) {
    List<String> names = CODES.get(code == null ? "" : code.trim());
    return names != null && names.stream().noneMatch(NAMES::contains);
  }

  /** True when the value is a known via id. */
  public static boolean isCode(String value) {
    return value != null && CODES.containsKey(value.trim());
  }
}
