package io.handoff.bench.fault;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WireMock extension serving OpenAI's {@code POST /v1/chat/completions} with a seeded fault mix:
 * 30 % 5xx (500, 502, 503 in turn), 10 % answers slower than the client's timeout, 5 % malformed
 * JSON (half a model answer that is not JSON, half an HTTP body cut short), the rest a valid
 * verdict in the schema Handoff asks for. The verdict follows the customer's text (see
 * {@link FaultJourneys}) so the expected outcome of each journey is known. Counts what it served.
 */
public final class FaultyOpenAi implements ResponseDefinitionTransformerV2 {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Random random;
  private final Duration slow;
  private final Map<String, AtomicLong> served = new ConcurrentHashMap<>();
  private int nextServerError;

  /** @param slow how long a "timeout" answer takes: longer than {@code handoff.ai.timeout} */
  public FaultyOpenAi(long seed, Duration slow) {
    this.random = new Random(seed);
    this.slow = slow;
  }

  @Override
  public String getName() {
    return "faulty-openai";
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    String body = event.getRequest().getBodyAsString();
    double r;
    int status;
    synchronized (this) {
      r = random.nextDouble();
      status = new int[] {500, 502, 503}[nextServerError++ % 3];
    }
    ResponseDefinitionBuilder out = new ResponseDefinitionBuilder().withHeader("Content-Type", "application/json");
    if (r < 0.30) {
      count("5xx");
      return out.withStatus(status).withBody("{\"error\":{\"message\":\"The server had an error while processing"
          + " your request.\",\"type\":\"server_error\",\"param\":null,\"code\":null}}").build();
    }
    String verdict = FaultJourneys.verdictFor(body);
    if (r < 0.40) {
      count("timeout");
      return out.withStatus(200).withFixedDelay((int) slow.toMillis()).withBody(completion(verdict)).build();
    }
    if (r < 0.425) {
      count("malformed model JSON");
      return out.withStatus(200).withBody(completion(verdict.substring(0, verdict.length() / 2))).build();
    }
    if (r < 0.45) {
      count("malformed HTTP body");
      String full = completion(verdict);
      return out.withStatus(200).withBody(full.substring(0, full.length() / 3)).build();
    }
    count("valid");
    return out.withStatus(200).withBody(completion(verdict)).build();
  }

  private void count(String what) {
    served.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
  }

  /** What was served, by kind. */
  public Map<String, Long> served() {
    Map<String, Long> m = new java.util.TreeMap<>();
    served.forEach((k, v) -> m.put(k, v.get()));
    return m;
  }

  private static String completion(String content) {
    ObjectNode r = JSON.createObjectNode();
    r.put("id", "chatcmpl-harness").put("object", "chat.completion").put("created", 1764000000)
        .put("model", "gpt-4o-mini");
    ObjectNode choice = r.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", content).putNull("refusal");
    r.putObject("usage").put("prompt_tokens", 400).put("completion_tokens", 40).put("total_tokens", 440);
    return r.toString();
  }
}
