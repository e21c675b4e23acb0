package io.handoff.testing.hostile;

import java.util.Map;

/**
 * One generated request.
 *
 * @param kind what is hostile about it, for the report
 * @param mustReject true when a correct service refuses it (4xx); false when it may be accepted (it
 *     then goes to a throw-away conversation, never to a target journey)
 */
public record HostileRequest(String kind, String method, String target, Map<String, String> headers, byte[] body,
    boolean mustReject) {}
