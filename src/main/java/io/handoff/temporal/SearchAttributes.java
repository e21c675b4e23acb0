package io.handoff.temporal;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.common.SearchAttributeKey;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Handoff's custom search attributes. They carry no personal data (no names, e-mails or message text)
 * because Temporal stores them unencrypted. The same list is registered at start-up in embedded mode
 * and by {@code deploy/temporal/register-search-attributes.sh} for real clusters.
 */
public final class SearchAttributes {
  public static final SearchAttributeKey<String> STAGE = SearchAttributeKey.forKeyword("HandoffStage");
  public static final SearchAttributeKey<String> INTENT = SearchAttributeKey.forKeyword("HandoffIntent");
  public static final SearchAttributeKey<String> LANGUAGE = SearchAttributeKey.forKeyword("HandoffLanguage");
  public static final SearchAttributeKey<String> CHANNEL = SearchAttributeKey.forKeyword("HandoffChannel");
  public static final SearchAttributeKey<String> TICKET_ID = SearchAttributeKey.forKeyword("HandoffTicketId");
  public static final SearchAttributeKey<String> PRIORITY = SearchAttributeKey.forKeyword("HandoffPriority");
  public static final SearchAttributeKey<Boolean> SLA_BREACHED = SearchAttributeKey.forBoolean("HandoffSlaBreached");
  public static final SearchAttributeKey<OffsetDateTime> SLA_NEXT_DUE =
      SearchAttributeKey.forOffsetDateTime("HandoffSlaNextDueAt");
  public static final SearchAttributeKey<String> ROUTING_AGREEMENT =
      SearchAttributeKey.forKeyword("HandoffRoutingAgreement");

  private SearchAttributes() {}

  /** Every attribute with its index type, in registration order. */
  public static Map<String, IndexedValueType> all() {
    Map<String, IndexedValueType> m = new LinkedHashMap<>();
    for (SearchAttributeKey<?> k :
        new SearchAttributeKey<?>[] {STAGE, INTENT, LANGUAGE, CHANNEL, TICKET_ID, PRIORITY, SLA_BREACHED,
          SLA_NEXT_DUE, ROUTING_AGREEMENT}) {
      m.put(k.getName(), k.getValueType());
    }
    return m;
  }
}
