package io.handoff.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.handoff.routing.ComparisonReport;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code compare}: the rules-vs-AI comparison report of a running Handoff, as a table or JSON. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Print the rules-vs-AI routing comparison of a running Handoff (GET /api/routing/comparison).")
public class CompareCommand implements Callable<Integer> {
  @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "Handoff base URL")
  String url;

  @Option(names = "--from", description = "Window start, ISO-8601 instant")
  String from;

  @Option(names = "--to", description = "Window end (exclusive), ISO-8601 instant")
  String to;

  @Option(names = "--json", description = "Print the report as JSON")
  boolean asJson;

  @Option(names = "--api-key", defaultValue = "${env:HANDOFF_API_KEY}",
      description = "API key with the read scope, sent as a bearer token (default: $HANDOFF_API_KEY)")
  String apiKey;

  @Override
  public Integer call() throws Exception {
    StringBuilder q = new StringBuilder(url).append("/api/routing/comparison?");
    if (from != null) {
      q.append("from=").append(URLEncoder.encode(from, StandardCharsets.UTF_8)).append('&');
    }
    if (to != null) {
      q.append("to=").append(URLEncoder.encode(to, StandardCharsets.UTF_8));
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(q.toString())).GET();
    if (apiKey != null && !apiKey.isBlank()) {
      request.header("Authorization", "Bearer " + apiKey.trim());
    }
    HttpResponse<String> r;
    try {
      r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
          .send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.net.ConnectException | java.net.http.HttpConnectTimeoutException e) {
      System.err.println("compare: no Handoff answers at " + url + " (is the service running? start it with"
          + " ./mvnw -DskipTests package quarkus:run, or give its address with --url)");
      return 1;
    } catch (java.io.IOException e) {
      System.err.println("compare: the request to " + url + " failed: " + e.getMessage());
      return 1;
    }
    if (r.statusCode() != 200) {
      System.err.println("comparison request failed: HTTP " + r.statusCode() + " " + r.body());
      return 1;
    }
    if (asJson) {
      System.out.println(r.body());
      return 0;
    }
    System.out.print(format(new ObjectMapper().findAndRegisterModules().readValue(r.body(), ComparisonReport.class)));
    return 0;
  }

  /** The report as a plain-text table. */
  static String format(ComparisonReport c) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "journeys %d, both routers decided %d, agreement %s%n%n", c.journeys(),
        c.bothDecided(), pct(c.agreement())));
    sb.append(String.format(Locale.ROOT, "%-8s %8s %8s %9s %9s %7s %14s %9s%n", "router", "decided", "scored",
        "accuracy", "handoff", "acted", "1st reply p50", "breaches"));
    c.routers().forEach((name, s) -> sb.append(String.format(Locale.ROOT, "%-8s %8d %8d %9s %9s %7d %14s %9d%n",
        name, s.decided(), s.scored(), pct(s.accuracy()), pct(s.handoffRate()), s.acted(),
        s.medianFirstHumanReplySeconds() == null ? "-" : s.medianFirstHumanReplySeconds() + " s",
        s.slaBreachesWhenActing())));
    slice(sb, "language", c.byLanguage());
    slice(sb, "intent", c.byIntent());
    slice(sb, "channel", c.byChannel());
    slice(sb, "day", c.byDay());
    return sb.toString();
  }

  private static void slice(StringBuilder sb, String name, Map<String, ComparisonReport.Slice> slices) {
    sb.append(String.format(Locale.ROOT, "%n%-20s %8s %9s %14s %11s%n", name, "journeys", "agreement",
        "rules accuracy", "AI accuracy"));
    slices.forEach((k, s) -> sb.append(String.format(Locale.ROOT, "%-20s %8d %9s %14s %11s%n", k, s.journeys(),
        pct(s.agreement()), pct(s.rulesAccuracy()), pct(s.aiAccuracy()))));
  }

  private static String pct(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }
}
