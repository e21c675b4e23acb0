package io.handoff.intent.llm;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.HttpClientBuilderLoader;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * LangChain4j's HTTP client contract on the JDK client, differing in one way: a non-2xx response
 * becomes a {@link RetryAfterHttpException} carrying the Retry-After header, which LangChain4j's own
 * exceptions drop. The activity uses it as Temporal's next retry delay after a 429.
 */
final class RetryAfterHttpClient implements HttpClient {
  private final java.net.http.HttpClient client;
  private final Duration readTimeout;
  private final HttpClient streaming;

  private RetryAfterHttpClient(Duration connectTimeout, Duration readTimeout) {
    this.client = java.net.http.HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    this.readTimeout = readTimeout;
    this.streaming = HttpClientBuilderLoader.loadHttpClientBuilder().connectTimeout(connectTimeout)
        .readTimeout(readTimeout).build();
  }

  static HttpClientBuilder builder(Duration timeout) {
    return new Builder(timeout);
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
        .timeout(readTimeout)
        .method(request.method().name(), request.body() == null
            ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
    request.headers().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
    HttpResponse<String> response;
    try {
      response = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new RuntimeException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RuntimeException(e);
    }
    Map<String, List<String>> headers = response.headers().map();
    if (response.statusCode() / 100 != 2) {
      throw new RetryAfterHttpException(response.statusCode(), response.body(),
          RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null)));
    }
    return SuccessfulHttpResponse.builder().statusCode(response.statusCode()).headers(headers)
        .body(response.body()).build();
  }

  @Override
  public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    // Classification never streams; streaming still works through LangChain4j's own JDK client.
    streaming.execute(request, parser, listener);
  }

  private static final class Builder implements HttpClientBuilder {
    private Duration connectTimeout;
    private Duration readTimeout;

    Builder(Duration timeout) {
      this.connectTimeout = timeout;
      this.readTimeout = timeout;
    }

    @Override
    public Duration connectTimeout() {
      return connectTimeout;
    }

    @Override
    public HttpClientBuilder connectTimeout(Duration d) {
      if (d != null) {
        connectTimeout = d;
      }
      return this;
    }

    @Override
    public Duration readTimeout() {
      return readTimeout;
    }

    @Override
    public HttpClientBuilder readTimeout(Duration d) {
      if (d != null) {
        readTimeout = d;
      }
      return this;
    }

    @Override
    public HttpClient build() {
      return new RetryAfterHttpClient(connectTimeout, readTimeout);
    }
  }
}
