package io.handoff.metrics;

import static io.restassured.RestAssured.given;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One read of {@code /q/metrics} in the Prometheus text format. */
record Scrape(List<String> samples) {

  static Scrape now() {
    String body = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    return new Scrape(body.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList());
  }

  /** Names of every sample exposed (e.g. handoff_classifier_latency_seconds_bucket). */
  Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    for (String l : samples) {
      int end = l.indexOf('{') >= 0 ? l.indexOf('{') : l.indexOf(' ');
      names.add(l.substring(0, end));
    }
    return names;
  }

  /** The sum over the series of {@code name} carrying every {@code key="value"} pair; null when none. */
  Double value(String name, String... labels) {
    Double sum = null;
    for (String l : samples) {
      if (!(l.startsWith(name + "{") || l.startsWith(name + " "))) {
        continue;
      }
      String labelPart = l.contains("}") ? l.substring(0, l.lastIndexOf('}') + 1) : "";
      boolean all = Arrays.stream(labels).allMatch(pair -> {
        String[] kv = pair.split("=", 2);
        return labelPart.contains(kv[0] + "=\"" + kv[1] + "\"");
      });
      if (all) {
        double v = Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1));
        sum = sum == null ? v : sum + v;
      }
    }
    return sum;
  }
}
