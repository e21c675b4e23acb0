package io.handoff.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Sends messages through the Sunshine Conversations API that Zendesk messaging uses:
 * {@code POST {baseUrl}/v2/apps/{appId}/conversations/{conversationId}/messages} with basic auth
 * (key id : secret) and a business-authored text message.
 *
 * <p>The API has no idempotency header, so the key is claimed in {@code outbox_message} first: a key
 * already marked {@code sent} is not posted again. A crash between the POST and the mark can still
 * repeat one message (at-least-once), which is the best this API allows.
 */
public final class SunshineConversationsClient implements MessagingChannelClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI baseUrl;
  private final String appId;
  private final String authorization;
  private final Duration timeout;
  private final MessageOutboxStore store;
  private final HttpClient http;

  public SunshineConversationsClient(URI baseUrl, String appId, String keyId, String keySecret,
      Duration timeout, MessageOutboxStore store) {
    this.baseUrl = baseUrl;
    this.appId = appId;
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((keyId + ":" + keySecret).getBytes(StandardCharsets.UTF_8));
    this.timeout = timeout;
    this.store = store;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public SendResult send(String conversationId, String text, String idempotencyKey) {
    String existing = store.insertOrExisting(idempotencyKey, conversationId, "sunshine", text, "pending");
    if ("sent".equals(existing)) {
      return new SendResult(idempotencyKey, true, null);
    }
    HttpResponse<String> response = post(conversationId, text, idempotencyKey);
    String id = messageId(response.body());
    store.markSent(idempotencyKey, id);
    return new SendResult(idempotencyKey, false, id);
  }

  private HttpResponse<String> post(String conversationId, String text, String key) {
    URI uri = baseUrl.resolve("/v2/apps/" + enc(appId) + "/conversations/" + enc(conversationId) + "/messages");
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
        .header("Authorization", authorization)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body(text, key))).build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new ChannelException("Sunshine Conversations timed out", true, e);
    } catch (IOException e) {
      throw new ChannelException("Sunshine Conversations unreachable: " + e.getMessage(), true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChannelException("interrupted", true, e);
    }
    int status = response.statusCode();
    if (status / 100 != 2) {
      boolean retryable = status == 429 || status >= 500;
      throw new ChannelException("Sunshine Conversations answered " + status + ": "
          + io.handoff.privacy.Redact.reply(response.body()), retryable, null);
    }
    return response;
  }

  private static String body(String text, String key) {
    ObjectNode root = JSON.createObjectNode();
    root.putObject("author").put("type", "business");
    root.putObject("content").put("type", "text").put("text", text);
    root.putObject("metadata").put("handoffIdempotencyKey", key);
    return root.toString();
  }

  /** The id of the created message ({@code messages[0].id}); null when the reply has none. */
  private static String messageId(String body) {
    try {
      JsonNode id = JSON.readTree(body).path("messages").path(0).path("id");
      return id.isTextual() ? id.asText() : null;
    } catch (IOException e) {
      // Delivered (2xx) but the reply is not JSON: keep the delivery, just without an id.
      return null;
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
