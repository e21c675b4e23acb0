#!/bin/sh
# Registers Handoff's custom search attributes on a Temporal cluster. Idempotent: an attribute that
# exists already is reported and skipped. Keep in sync with io.handoff.temporal.SearchAttributes
# (SearchAttributesScriptTest checks that they match).
set -u
NS="${TEMPORAL_NAMESPACE:-default}"
register() {
  temporal operator search-attribute create --namespace "$NS" --name "$1" --type "$2" \
    || echo "search attribute $1 not created (it may exist already)"
}
register HandoffStage Keyword
register HandoffIntent Keyword
register HandoffLanguage Keyword
register HandoffChannel Keyword
register HandoffTicketId Keyword
register HandoffPriority Keyword
register HandoffSlaBreached Bool
register HandoffSlaNextDueAt Datetime
register HandoffRoutingAgreement Keyword
