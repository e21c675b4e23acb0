package io.handoff.zendeskimport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.handoff.cli.HandoffCli;
import io.handoff.rules.RuleSetLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code import-zendesk} command, from files and from an account (WireMock). */
class ImportZendeskCommandTest {

  @TempDir
  Path dir;

  private int run(StringWriter out, String... args) {
    CommandLine cli = new CommandLine(new HandoffCli());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    return cli.execute(args);
  }

  @Test
  void importsFilesIntoLoadableRuleFilesAndPrintsTheReport() throws Exception {
    Path seed = ImportFixtures.SEED;
    Path mapping = dir.resolve("map.yaml");
    Files.copy(seed.resolve("zendesk-mapping.yaml"), mapping);
    byte[] input = Files.readAllBytes(mapping);
    StringWriter out = new StringWriter();
    int code = run(out, "import-zendesk", "--triggers", seed.resolve("triggers.json").toString(),
        "--categories", seed.resolve("trigger_categories.json").toString(),
        "--slas", seed.resolve("sla_policies.json").toString(),
        "--webhooks", seed.resolve("webhooks.json").toString(),
        "--out", dir.toString(), "--mapping", mapping.toString());
    assertEquals(0, code, out.toString());
    assertTrue(out.toString().contains("7 imported, 0 need a mapping, 0 unsupported"), out.toString());
    assertTrue(RuleSetLoader.load(dir).isValid());
    assertTrue(Files.exists(dir.resolve("sla-policies.yaml")));
    // the --mapping input is read, never rewritten; the updated mapping is in the output directory
    org.junit.jupiter.api.Assertions.assertArrayEquals(input, Files.readAllBytes(mapping));
    assertTrue(Files.readString(dir.resolve("zendesk-mapping.yaml")).contains("\"360001\": \"sales\""));
  }

  @Test
  void printsJsonAndExitsTwoWhenSomethingIsNotImported() throws Exception {
    Path triggers = dir.resolve("t.json");
    Files.writeString(triggers, "{\"triggers\": [{\"id\": 3, \"title\": \"Brand\", \"conditions\": {\"all\":"
        + " [{\"field\": \"brand_id\", \"operator\": \"is\", \"value\": 1}]}, \"actions\": [{\"field\": \"group_id\", \"value\": 5}]}]}");
    StringWriter out = new StringWriter();
    int code = run(out, "import-zendesk", "--triggers", triggers.toString(), "--out", dir.resolve("o").toString(), "--json");
    assertEquals(2, code);
    assertEquals("UNSUPPORTED", ImportFixtures.json(out.toString()).path("items").path(0).path("status").asText());
    assertTrue(Files.readString(dir.resolve("o/zendesk-mapping.yaml")).contains("\"5\": \"\""));
  }

  @Test
  void fetchesFromAnAccountWithTokenAuthAndFollowsPages() throws Exception {
    WireMockServer wm = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    wm.start();
    try {
      String base = wm.baseUrl();
      String triggers = Files.readString(ImportFixtures.SEED.resolve("triggers.json"));
      String first = "{\"triggers\": " + ImportFixtures.json(triggers).path("triggers").toString()
          + ", \"next_page\": \"" + base + "/api/v2/triggers?page=2\"}";
      wm.stubFor(get(urlEqualTo("/api/v2/triggers")).willReturn(aResponse().withBody(first)));
      wm.stubFor(get(urlEqualTo("/api/v2/triggers?page=2")).willReturn(aResponse().withBody(
          "{\"triggers\": [{\"id\": 9, \"title\": \"Page two\", \"conditions\": {\"all\": []},"
              + " \"actions\": [{\"field\": \"current_tags\", \"value\": \"p2\"}]}], \"next_page\": null}")));
      stub(wm, "/api/v2/trigger_categories", ImportFixtures.SEED.resolve("trigger_categories.json"));
      stub(wm, "/api/v2/slas/policies", ImportFixtures.SEED.resolve("sla_policies.json"));
      stub(wm, "/api/v2/webhooks", ImportFixtures.SEED.resolve("webhooks.json"));
      wm.stubFor(get(urlPathEqualTo("/api/v2/triggers/definitions")).willReturn(aResponse().withStatus(404)
          .withBody("{\"error\": \"RecordNotFound\"}")));
      wm.stubFor(get(urlEqualTo("/api/v2/automations")).willReturn(aResponse().withBody("{\"automations\": []}")));
      Path mapping = dir.resolve("map.yaml");
      Files.copy(ImportFixtures.SEED.resolve("zendesk-mapping.yaml"), mapping);
      StringWriter out = new StringWriter();
      int code = run(out, "import-zendesk", "--base-url", base, "--email", "admin@example.com", "--token", "t0k",
          "--out", dir.toString(), "--mapping", mapping.toString());
      assertEquals(0, code, out.toString());
      assertTrue(Files.readString(dir.resolve("support-triggers.yaml")).contains("Page two"));
      String auth = "Basic " + Base64.getEncoder().encodeToString("admin@example.com/token:t0k".getBytes());
      wm.verify(getRequestedFor(urlEqualTo("/api/v2/triggers?page=2")).withHeader("Authorization", equalTo(auth)));
      wm.stubFor(get(urlEqualTo("/api/v2/webhooks")).willReturn(aResponse().withStatus(401)
          .withBody("{\"error\": \"Couldn't authenticate you\"}")));
      out = new StringWriter();
      code = run(out, "import-zendesk", "--base-url", base, "--email", "admin@example.com", "--token", "bad",
          "--out", dir.toString(), "--mapping", mapping.toString());
      assertEquals(1, code, out.toString());
      assertTrue(out.toString().contains("HTTP 401"), out.toString());
    } finally {
      wm.stop();
    }
  }

  private static void stub(WireMockServer wm, String path, Path file) throws Exception {
    wm.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withBody(Files.readString(file))));
  }

  @Test
  void badJsonOrAnUnknownMappingSectionIsReportedWithExitOne() throws Exception {
    Path triggers = dir.resolve("t.json");
    Files.writeString(triggers, "{\"triggers\": [");
    StringWriter out = new StringWriter();
    assertEquals(1, run(out, "import-zendesk", "--triggers", triggers.toString(), "--out", dir.toString()));
    assertTrue(out.toString().contains("cannot read " + triggers), out.toString());
    Path mapping = dir.resolve("m.yaml");
    Files.writeString(mapping, "brands: {}\n");
    out = new StringWriter();
    assertEquals(1, run(out, "import-zendesk", "--out", dir.toString(), "--mapping", mapping.toString()));
    assertTrue(out.toString().contains("unknown section \"brands\""), out.toString());
  }
}
