package io.handoff.zendeskimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handoff.support.Actor;
import io.handoff.support.DirectoryNames;
import io.handoff.support.EmailRecipients;
import io.handoff.support.Notification;
import io.handoff.support.SupportDecision;
import io.handoff.support.SupportEngine;
import io.handoff.support.SupportTriggerSet;
import io.handoff.support.TicketUpdate;
import io.handoff.support.Webhook;
import io.handoff.ticket.HelpdeskDirectory;
import io.handoff.ticket.Ticket;
import io.handoff.ticket.TicketComment.AuthorRole;
import io.handoff.ticket.TicketComment;
import io.handoff.ticket.TicketPriority;
import io.handoff.ticket.TicketStatus;
import io.handoff.trigger.BusinessCalendar;
import io.handoff.zendeskimport.ImportReport.Item;
import io.handoff.zendeskimport.ImportReport.Status;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus under {@code zendesk-import/corpus}: rules written for this project in the exact JSON of
 * Zendesk's list endpoints, one or more per construct of issue 17, plus Zendesk's standard
 * notification triggers as documented. Each construct is imported and then run through the support
 * triggers on tickets built for it (the dry run's kernel), so "imported" also means "behaves as in
 * Zendesk". The figures at the end are the ones docs/zendesk-import.md reports.
 */
class CorpusImportTest {

  static final Path CORPUS = ImportFixtures.DIR.resolve("corpus");
  private static final Instant T = Instant.parse("2026-11-02T10:00:00Z");
  private static final Actor CUSTOMER = new Actor("cust-1", "Rita Lee", AuthorRole.END_USER);
  private static final Actor ALICE = new Actor("alice", "Alice Agent", AuthorRole.AGENT);
  private static final Actor BOB = new Actor("bob", "Bob Berg", AuthorRole.AGENT);
  private static final HelpdeskDirectory DIRECTORY = new HelpdeskDirectory(
      List.of(new HelpdeskDirectory.Group("general", "General support", null),
          new HelpdeskDirectory.Group("logistics", "Orders and delivery", null)),
      List.of(new HelpdeskDirectory.AgentEntry("alice", "Alice Agent", "alice@northwind.example", Set.of("general"),
              HelpdeskDirectory.OnlineStatus.ONLINE, null),
          new HelpdeskDirectory.AgentEntry("bob", "Bob Berg", "bob@northwind.example", Set.of("logistics"),
              HelpdeskDirectory.OnlineStatus.ONLINE, null)),
      new HelpdeskDirectory.Account("Northwind", "https://help.northwind.example/tickets/{id}"));

  @TempDir
  Path dir;

  private ZendeskImporter.Result corpus;
  private SupportEngine engine;

  @BeforeEach
  void importCorpus() {
    corpus = ZendeskImporter.importAll(corpusExport(), null, IdMapping.read(CORPUS.resolve("zendesk-mapping.yaml")),
        NORTHWIND);
    engine = new SupportEngine(ImportFixtures.load(corpus, dir).ruleSet().support())
        .withNames(DirectoryNames.of(DIRECTORY));
  }

  /** The target of the corpus import: no dynamic content yet, helpdesk.yaml with Northwind's account. */
  private static final ZendeskImporter.Target NORTHWIND = new ZendeskImporter.Target(null, true);

  static ZendeskExport corpusExport() {
    return ZendeskExport.read(CORPUS.resolve("triggers.json"), CORPUS.resolve("trigger_categories.json"),
        null, CORPUS.resolve("webhooks.json"), null, CORPUS.resolve("automations.json"))
        .withDynamicContent(ZendeskExport.readFile(CORPUS.resolve("dynamic_content.json")), null);
  }

  private Item item(ZendeskImporter.Result r, String id) {
    return r.report().items().stream().filter(i -> i.zendeskId().equals(id)).findFirst().orElseThrow();
  }

  // --- tickets and updates -------------------------------------------------------------------------

  private static Ticket ticket(String via, TicketStatus status, String group, String assignee, Set<String> tags,
      Map<String, String> fields, List<TicketComment> comments) {
    return new Ticket("4711", null, "Router down", "It blinks red", status, TicketPriority.NORMAL, null, group,
        assignee, "cust-1", "Rita Lee", "rita@customer.example", null, tags, fields, comments, via, T, T);
  }

  private static TicketComment comment(long id, String body, boolean isPublic, Actor by) {
    return new TicketComment(id, body, isPublic, by.id(), by.name(), by.role(), T.plusSeconds(id));
  }

  private SupportDecision create(Ticket t, Actor by) {
    return engine.evaluate(new TicketUpdate("k-create", null, t, t.comments().isEmpty() ? null
        : t.comments().get(t.comments().size() - 1), by, null, null, Map.of(), Map.of(), T), BusinessCalendar.ALWAYS_OPEN);
  }

  private SupportDecision update(Ticket before, Ticket after, TicketComment c, Actor by, String via,
      Map<String, String> organization) {
    return engine.evaluate(new TicketUpdate("k-update", before, after, c, by, null, null, Map.of(), organization,
        T.plusSeconds(60), via), BusinessCalendar.ALWAYS_OPEN);
  }

  private static Ticket with(Ticket t, TicketStatus status, String assignee, TicketPriority priority,
      List<TicketComment> comments) {
    return new Ticket(t.id(), t.externalId(), t.subject(), t.description(), status, priority, t.type(), t.group(),
        assignee, t.requesterId(), t.requesterName(), t.requesterEmail(), t.organization(), t.tags(), t.customFields(),
        comments, t.via(), t.createdAt(), T.plusSeconds(60));
  }

  // --- the import report ---------------------------------------------------------------------------

  @Test
  void everyCorpusRuleHasTheStatusItsConstructsCallFor() {
    Map<String, Status> expected = new TreeMap<>();
    for (String id : List.of("91001", "91002", "91003", "91004", "91005", "91006", "91007", "91008", "91009",
        "91010", "91011", "91012", "91013", "91014", "91015", "91016", "91017", "91018", "91019", "91024", "91026",
        "91027", "91028", "91029", "91031", "91034", "91035", "91036", "93001", "93002", "93003", "93004", "93006", "96001")) {
      expected.put(id, Status.IMPORTED);
    }
    for (String id : List.of("91020", "91021", "91022", "91025", "91030", "91032", "91033", "93005")) {
      expected.put(id, Status.UNSUPPORTED);
    }
    expected.put("91023", Status.NEEDS_MAPPING);
    expected.put("96002", Status.NEEDS_MAPPING);
    Map<String, Status> actual = corpus.report().items().stream()
        .filter(i -> i.kind() != ImportReport.Kind.WEBHOOK)
        .collect(Collectors.toMap(Item::zendeskId, Item::status, (x, y) -> x, TreeMap::new));
    assertEquals(expected, actual, corpus.report().toText());
  }

  @Test
  void theReportListsEveryReasonOfARuleNotOnlyTheFirst() {
    List<String> reasons = item(corpus, "91022").reasons();
    assertTrue(reasons.stream().anyMatch(r -> r.startsWith("condition brand_id")), reasons.toString());
    assertTrue(reasons.stream().anyMatch(r -> r.startsWith("action cc") && r.contains("no CCs")), reasons.toString());
    assertTrue(reasons.stream().anyMatch(r -> r.contains("line 1: placeholder {{ticket.cc_names}}")), reasons.toString());
    List<String> table = item(corpus, "91032").reasons();
    String action = "action notification_user [\"assignee_id\",\"Ticket #{{ticket.id}}\",\"Comments:\\n<table>{% tablerow"
        + " comment in ticket.comments %}{{ comment.value }}{% endtablerow %}</table>\"] body line 2: ";
    assertEquals(List.of(
        action + "Liquid tag {% tablerow %} is not supported (Handoff runs: if, unless, case, for, assign, capture,"
            + " comment, raw)",
        action + "Liquid tag {% endtablerow %} is not supported (Handoff runs: if, unless, case, for, assign, capture,"
            + " comment, raw)"), table);
    Item both = item(corpus, "91020");
    assertTrue(both.reasons().stream().anyMatch(r -> r.contains("Handoff tickets have no CCs")), both.reasons().toString());
    assertTrue(both.reasons().stream().anyMatch(r -> r.contains("organizations id 360099 has no mapping")),
        both.reasons().toString());
  }

  @Test
  void aTriggerWhoseCategoryIsMissingNeedsAMappingAndImportsOnceTheCategoryIsNamed() {
    Item orphan = item(corpus, "91023");
    assertEquals(Status.NEEDS_MAPPING, orphan.status());
    assertTrue(orphan.reasons().get(0).startsWith("category 4419999 is not in the trigger categories file"),
        orphan.reasons().toString());
    assertTrue(corpus.report().unmappedIds().contains("categories 4419999"), corpus.report().unmappedIds().toString());
    IdMapping named = IdMapping.read(CORPUS.resolve("zendesk-mapping.yaml"));
    ZendeskExport in = ZendeskExport.read(CORPUS.resolve("triggers.json"), CORPUS.resolve("trigger_categories.json"),
        null, CORPUS.resolve("webhooks.json"), null, null);
    ZendeskImporter.importAll(in, named);
    named.suggest(IdMapping.Kind.CATEGORIES, "4419999", "Archive");
    ZendeskImporter.Result again = ZendeskImporter.importAll(in, named);
    assertEquals(Status.IMPORTED, item(again, "91023").status(), item(again, "91023").toString());
    ImportFixtures.load(again, dir);
    assertTrue(again.supportTriggersYaml().contains("category: Archive"), again.supportTriggersYaml());
  }

  @Test
  void liquidInBodiesImportsWithoutWarningAndAutomationsOnClosedTicketsAreNotWritten() {
    assertEquals(List.of(), item(corpus, "91018").warnings());
    assertEquals(List.of(), item(corpus, "91019").warnings());
    assertEquals(List.of(), item(corpus, "91031").warnings());
    assertTrue(corpus.supportTriggersYaml().contains("{% for comment in ticket.public_comments limit:2 %}"),
        corpus.supportTriggersYaml());
    assertTrue(item(corpus, "93002").warnings().get(0).contains("never true in Zendesk"));
    assertFalse(corpus.automationsYaml().contains("Purge tag a day after closing"), corpus.automationsYaml());
    assertTrue(item(corpus, "93005").reasons().stream().anyMatch(r -> r.contains("{{satisfaction.rating_section}}")),
        item(corpus, "93005").reasons().toString());
  }

  @Test
  void aCorpusTriggerWithLiquidImportsWithoutLossAndRendersEveryBranch() {
    assertEquals(Status.IMPORTED, item(corpus, "91031").status(), item(corpus, "91031").toString());
    TicketComment first = comment(1, "It blinks red", true, CUSTOMER);
    TicketComment note = comment(2, "Internal: check the firmware", false, ALICE);
    TicketComment last = comment(3, "Please unplug the router for one minute and then plug it back in.", true, BOB);
    Ticket solved = ticket("web_widget", TicketStatus.SOLVED, null, null, Set.of("liquid_digest"), Map.of(),
        List.of(first, note, last));
    Notification n = digest(engine.evaluate(new TicketUpdate("k", null, solved, last, BOB, null, null, Map.of(),
        Map.of(), T), BusinessCalendar.ALWAYS_OPEN));
    assertEquals("[4711] Router down (solved)", n.subject());
    assertEquals("""
        Here is the latest on your Northwind request.
        Hello Rita,
        Your request #4711 is solved.
        Priority: NORMAL
        - Bob Berg on Nov 2, 2026: Please unplug the router for one minu...
        - Rita Lee on Nov 2, 2026: It blinks red
        """, n.body());

    Ticket pending = new Ticket("4711", null, "Router down", null, TicketStatus.PENDING, TicketPriority.LOW, null,
        null, null, "cust-1", "rita lee", "rita@customer.example", "Contoso", Set.of("liquid_digest"), Map.of(),
        List.of(), "email", T, T);
    Notification fr = digest(engine.evaluate(new TicketUpdate("k2", null, pending, null, BOB, null, null,
        Map.of("language", "fr"), Map.of(), T), BusinessCalendar.ALWAYS_OPEN));
    assertEquals("""
        Voici les dernières nouvelles de votre demande Northwind.
        Hello Rita,
        We need your answer on #4711.
        Company: Contoso""", fr.body());
  }

  private static Notification digest(SupportDecision d) {
    return d.notifications().stream().filter(x -> x.trigger().equals("Status digest with Liquid")).findFirst()
        .orElseThrow(() -> new AssertionError(d.trace().fired().toString()));
  }

  // --- via_id and current_via_id -------------------------------------------------------------------

  @Test
  void viaId75MatchesHandoffsMessagingChannelsAndNotEmail() {
    for (String via : List.of("web_widget", "ios", "android")) {
      SupportDecision d = create(ticket(via, TicketStatus.NEW, null, null, Set.of(), Map.of(), List.of()), CUSTOMER);
      assertTrue(d.trace().fired().contains("Messaging tickets to the chat team"), via + " " + d.trace().fired());
      assertEquals("general", d.ticket().group());
    }
    SupportDecision email = create(ticket("email", TicketStatus.NEW, null, null, Set.of(), Map.of(), List.of()), CUSTOMER);
    assertFalse(email.trace().fired().contains("Messaging tickets to the chat team"), email.trace().fired().toString());
    assertEquals("customer-care", email.ticket().group(), "via_id is_not 57 fired instead");
  }

  @Test
  void viaIdListsAndForeignChannelIdsEvaluate() {
    SupportDecision wa = create(ticket("whatsapp", TicketStatus.NEW, null, null, Set.of(), Map.of(), List.of()), CUSTOMER);
    assertTrue(wa.ticket().tags().contains("social"), wa.ticket().tags().toString());
    assertEquals(TicketPriority.HIGH, wa.ticket().priority());
    SupportDecision side = create(ticket("side_conversation", TicketStatus.NEW, null, null, Set.of(), Map.of(),
        List.of()), ALICE);
    assertTrue(side.ticket().tags().contains("side_conv"), side.ticket().tags().toString());
    SupportDecision sms = create(ticket("sms", TicketStatus.NEW, null, null, Set.of(), Map.of(), List.of()), CUSTOMER);
    assertEquals(null, sms.ticket().group(), "via_id is_not 57 must not fire on an SMS ticket");
  }

  @Test
  void currentViaIdIsTheChannelOfThisUpdate() {
    Ticket before = ticket("web_widget", TicketStatus.OPEN, "general", "alice", Set.of(), Map.of(), List.of());
    TicketComment reply = comment(2, "Try a restart", true, ALICE);
    Ticket after = with(before, TicketStatus.OPEN, "alice", TicketPriority.NORMAL, List.of(reply));
    SupportDecision fromWorkspace = update(before, after, reply, ALICE, null, Map.of());
    assertEquals(TicketStatus.PENDING, fromWorkspace.ticket().status(), "an agent's update comes from the workspace (0)");
    SupportDecision byEmail = update(before, after, reply, ALICE, "email", Map.of());
    assertEquals(TicketStatus.OPEN, byEmail.ticket().status(), fromWorkspace.trace().fired().toString());
    assertTrue(byEmail.ticket().tags().contains("customer_channel_update"), "any: current_via_id is 4");
    TicketComment customer = comment(3, "Still down", true, CUSTOMER);
    SupportDecision messaging = update(before, with(before, TicketStatus.OPEN, "alice", TicketPriority.NORMAL,
        List.of(customer)), customer, CUSTOMER, null, Map.of());
    assertTrue(messaging.ticket().tags().contains("customer_channel_update"), "the requester writes through the widget (75)");
  }

  // --- conditions ----------------------------------------------------------------------------------

  @Test
  void ticketFormAndPrivacyConditionsEvaluate() {
    SupportDecision returns = create(ticket("web_form", TicketStatus.NEW, null, null, Set.of(),
        Map.of("ticket_form", "360000456789"), List.of()), CUSTOMER);
    assertEquals("logistics", returns.ticket().group());
    SupportDecision internal = create(ticket("api", TicketStatus.NEW, null, null, Set.of(), Map.of(),
        List.of(comment(1, "Internal follow-up", false, ALICE))), ALICE);
    assertTrue(internal.ticket().tags().contains("internal_only"), internal.ticket().tags().toString());
    SupportDecision open = create(ticket("api", TicketStatus.NEW, null, null, Set.of(), Map.of(),
        List.of(comment(1, "Hello", true, CUSTOMER))), CUSTOMER);
    assertFalse(open.ticket().tags().contains("internal_only"));
  }

  @Test
  void relativeUserValuesCompareThePeopleOfTheUpdate() {
    Ticket pending = ticket("web_widget", TicketStatus.PENDING, "general", "alice", Set.of(), Map.of(), List.of());
    TicketComment fromCustomer = comment(5, "Any news?", true, CUSTOMER);
    Ticket after = with(pending, TicketStatus.PENDING, "alice", TicketPriority.NORMAL, List.of(fromCustomer));
    assertEquals(TicketStatus.OPEN, update(pending, after, fromCustomer, CUSTOMER, null, Map.of()).ticket().status());
    TicketComment fromBob = comment(6, "Checking the logs", false, BOB);
    Ticket byBob = with(pending, TicketStatus.PENDING, "alice", TicketPriority.NORMAL, List.of(fromBob));
    SupportDecision d = update(pending, byBob, fromBob, BOB, null, Map.of());
    assertEquals(TicketStatus.PENDING, d.ticket().status(), "requester_id is current_user does not hold for Bob");
    Notification toAssignee = d.notifications().stream()
        .filter(n -> n.trigger().equals("Notify assignee of comment from someone else")).findFirst().orElseThrow();
    assertEquals("alice", toAssignee.recipient());
    assertTrue(toAssignee.body().contains("https://help.northwind.example/tickets/4711"), toAssignee.body());
    TicketComment fromAlice = comment(7, "Done", false, ALICE);
    SupportDecision self = update(pending, with(pending, TicketStatus.PENDING, "alice", TicketPriority.NORMAL,
        List.of(fromAlice)), fromAlice, ALICE, null, Map.of());
    assertTrue(self.notifications().stream().noneMatch(n -> n.trigger().startsWith("Notify assignee")),
        "assignee_id is_not current_user: Alice is not told of her own comment");
  }

  @Test
  void satisfactionIsKeptAsACustomFieldThatConditionsAndActionsShare() {
    Ticket open = ticket("email", TicketStatus.OPEN, "general", "alice", Set.of(), Map.of(), List.of());
    Ticket solved = with(open, TicketStatus.SOLVED, "alice", TicketPriority.NORMAL, List.of());
    SupportDecision d = update(open, solved, null, ALICE, null, Map.of());
    assertEquals("offered", d.ticket().customFields().get("satisfaction"), d.trace().fired().toString());
    Ticket offered = new Ticket("4711", null, "Router down", null, TicketStatus.SOLVED, TicketPriority.NORMAL, null,
        "general", "alice", "cust-1", "Rita Lee", "rita@customer.example", null, Set.of(),
        Map.of("satisfaction", "offered"), List.of(), "email", T, T);
    TicketComment why = comment(9, "Took a week", true, CUSTOMER);
    Ticket rated = new Ticket("4711", null, "Router down", null, TicketStatus.SOLVED, TicketPriority.NORMAL, null,
        "general", "alice", "cust-1", "Rita Lee", "rita@customer.example", null, Set.of(),
        Map.of("satisfaction", "bad_with_comment"), List.of(why), "email", T, T);
    SupportDecision bad = update(offered, rated, why, CUSTOMER, null, Map.of());
    assertTrue(bad.ticket().tags().contains("csat_bad"), bad.trace().fired().toString());
    Notification lead = bad.notifications().stream().filter(n -> n.trigger().equals("Bad rating alerts the team lead"))
        .findFirst().orElseThrow();
    assertEquals("lead@northwind.example", lead.recipient());
    assertEquals("Rita rated the ticket bad:\nTook a week", lead.body());
  }

  @Test
  void multiSelectFieldsAreSpaceSeparatedOptionTagsForConditionsAndActions() {
    SupportDecision outage = create(ticket("email", TicketStatus.NEW, null, null, Set.of("outage"), Map.of(),
        List.of()), CUSTOMER);
    assertEquals("prod_router prod_modem", outage.ticket().customFields().get("products"));
    assertEquals(TicketPriority.HIGH, outage.ticket().priority(), "the includes condition fired on the set options");
    SupportDecision other = create(ticket("email", TicketStatus.NEW, null, null, Set.of(),
        Map.of("products", "prod_phone"), List.of()), CUSTOMER);
    assertEquals(TicketPriority.NORMAL, other.ticket().priority());
  }

  // --- actions and placeholders --------------------------------------------------------------------

  @Test
  void allAgentsIsEveryAgentOfTheDirectory() {
    SupportDecision d = create(ticket("web_widget", TicketStatus.NEW, null, null, Set.of(), Map.of(), List.of()),
        CUSTOMER);
    Notification n = d.notifications().stream().filter(x -> x.trigger().equals("All agents: new unassigned ticket"))
        .findFirst().orElseThrow();
    assertEquals("all_agents", n.recipientType());
    assertEquals(List.of("alice@northwind.example", "bob@northwind.example"), EmailRecipients.resolve(n, DIRECTORY));
    assertEquals("[Northwind] Router down", n.subject());
    assertEquals("A ticket (#4711) from Rita Lee is waiting: help.northwind.example/tickets/4711", n.body());
  }

  @Test
  void placeholdersOfStandardAndRealTriggersRender() {
    Map<String, String> fields = new HashMap<>(Map.of("plan", "gold"));
    TicketComment first = comment(1, "It blinks red", true, CUSTOMER);
    Ticket t = ticket("web_widget", TicketStatus.NEW, null, null, Set.of(), fields, List.of(first));
    SupportDecision d = engine.evaluate(new TicketUpdate("k", null, t, first, CUSTOMER, null, null, Map.of(),
        Map.of("account_manager", "Mia Chen"), T), BusinessCalendar.ALWAYS_OPEN);
    String reply = d.comments().stream().filter(c -> c.trigger().equals("Plan in the confirmation")).findFirst()
        .orElseThrow().body();
    assertEquals("Hi Rita,\n\nyour plan: gold.\nAccount manager: Mia Chen", reply);
    Ticket before = ticket("web_widget", TicketStatus.OPEN, "general", "alice", Set.of(), fields, List.of(first));
    TicketComment note = comment(2, "Escalating <now>", false, BOB);
    Ticket urgent = with(before, TicketStatus.OPEN, "alice", TicketPriority.URGENT, List.of(first, note));
    Notification esc = update(before, urgent, note, BOB, null, Map.of()).notifications().stream()
        .filter(n -> n.trigger().equals("Escalation e-mail with the latest comment")).findFirst().orElseThrow();
    assertEquals("<h3>Router down</h3><p>Escalating &lt;now&gt;</p><p>Assignee: alice@northwind.example</p>", esc.body());
    assertEquals("general", esc.recipient());
  }

  @Test
  void commentsFormattedListsNewestFirstAndThePublicVariantLeavesNotesOut() {
    TicketComment q = comment(1, "It blinks red", true, CUSTOMER);
    TicketComment note = comment(2, "Known issue", false, ALICE);
    TicketComment a = comment(3, "Please restart it", true, ALICE);
    Ticket before = ticket("email", TicketStatus.OPEN, "general", "alice", Set.of(), Map.of(), List.of(q, note));
    Ticket solved = with(before, TicketStatus.SOLVED, "alice", TicketPriority.NORMAL, List.of(q, note, a));
    Notification n = update(before, solved, a, ALICE, "email", Map.of()).notifications().stream()
        .filter(x -> x.trigger().equals("Requester and CCs: solved")).findFirst().orElseThrow();
    String rule = "\n\n----------------------------------------------\n\n";
    assertEquals("We marked your request solved.\n\nAlice Agent, 2026-11-02T10:00:03Z\n\nPlease restart it" + rule
        + "Rita Lee, 2026-11-02T10:00:01Z\n\nIt blinks red", n.body());
  }

  @Test
  void webhookBodiesGetMappedFieldPlaceholders() {
    SupportDecision d = create(ticket("email", TicketStatus.NEW, null, null, Set.of("outage"), Map.of("plan", "gold"),
        List.of()), CUSTOMER);
    Notification hook = d.notifications().stream().filter(n -> n.kind() == Notification.Kind.WEBHOOK).findFirst()
        .orElseThrow();
    assertEquals("{\"ticket\": \"4711\", \"plan\": \"gold\", \"via\": \"email\"}", hook.body());
    assertEquals("https://status.northwind.example/hooks/zendesk", hook.endpoint());
  }

  @Test
  void webhookBodiesRenderPeoplesIdsTheAssigneesLastNameAndIsoTimestamps() {
    Ticket unassigned = ticket("email", TicketStatus.OPEN, "logistics", null, Set.of(), Map.of(), List.of());
    Ticket assigned = with(unassigned, TicketStatus.OPEN, "bob", TicketPriority.NORMAL, List.of());
    SupportDecision d = update(unassigned, assigned, null, ALICE, null, Map.of());
    Notification hook = d.notifications().stream()
        .filter(n -> n.kind() == Notification.Kind.WEBHOOK && n.trigger().equals("Order system hears of each logistics assignment"))
        .findFirst().orElseThrow(() -> new AssertionError(d.trace().fired().toString()));
    assertEquals("https://orders.northwind.example/hooks/zendesk", hook.endpoint());
    assertEquals("{\"ticket\": \"4711\", \"customer\": \"cust-1\", \"agent\": \"bob\", \"agent_last_name\": \"Berg\","
        + " \"opened\": \"2026-11-02T10:00:00Z\", \"changed\": \"2026-11-02T10:01:00Z\"}", hook.body());
    SupportDecision same = update(assigned, assigned, null, ALICE, null, Map.of());
    assertTrue(same.notifications().stream().noneMatch(n -> n.trigger().equals("Order system hears of each logistics assignment")),
        "assignee_id changed holds only when the assignee changes");
  }

  @Test
  void aFormEncodedPutWebhookKeepsItsMethodFormatAndParameters() {
    Webhook hook = ImportFixtures.load(corpus, dir).ruleSet().support().webhooks().get("field-service");
    assertEquals(new Webhook("field-service", "Field service desk", "https://fieldservice.northwind.example/visits",
        "PUT", "form_encoded"), hook);
    Ticket normal = ticket("email", TicketStatus.OPEN, "logistics", "bob", Set.of(), Map.of(), List.of());
    Ticket urgent = with(normal, TicketStatus.OPEN, "bob", TicketPriority.URGENT, List.of());
    Notification n = update(normal, urgent, null, ALICE, null, Map.of()).notifications().stream()
        .filter(x -> x.recipient().equals("field-service")).findFirst().orElseThrow();
    assertEquals("[[\"ticket\",\"4711\"],[\"customer\",\"Rita Lee\"],[\"reason\",\"Router down\"]]", n.body());
    assertEquals("https://fieldservice.northwind.example/visits", n.endpoint());
  }

  @Test
  void aGetWebhookKeepsItsQueryEndpointAndItsParameters() {
    assertEquals("GET", ImportFixtures.load(corpus, dir).ruleSet().support().webhooks().get("carrier-tracking").method());
    assertTrue(corpus.supportTriggersYaml().contains("method: \"GET\"") || corpus.supportTriggersYaml().contains("method: GET"),
        corpus.supportTriggersYaml());
    Ticket open = ticket("email", TicketStatus.OPEN, "logistics", "bob", Set.of(), Map.of(), List.of());
    Ticket solved = with(open, TicketStatus.SOLVED, "bob", TicketPriority.NORMAL, List.of());
    Notification n = update(open, solved, null, ALICE, null, Map.of()).notifications().stream()
        .filter(x -> x.recipient().equals("carrier-tracking")).findFirst().orElseThrow();
    assertEquals("[[\"ticket\",\"4711\"],[\"state\",\"solved\"]]", n.body());
    assertEquals("https://carrier.northwind.example/track?account=nw", n.endpoint());
  }

  // --- Zendesk's standard notification triggers ----------------------------------------------------

  private SupportEngine standard(Path into) {
    ZendeskExport in = ZendeskExport.read(CORPUS.resolve("standard-triggers.json"), null, null, null, null, null);
    ZendeskImporter.Result r = ZendeskImporter.importAll(in, null, IdMapping.empty(), NORTHWIND);
    for (Item i : r.report().items()) {
      assertEquals(Status.IMPORTED, i.status(), i.toString());
      assertTrue(i.warnings().stream().allMatch(w -> w.contains("Handoff e-mails the requester only")), i.toString());
    }
    assertEquals(10, r.report().with(Status.IMPORTED).size());
    SupportTriggerSet set = ImportFixtures.load(r, into).ruleSet().support();
    return new SupportEngine(set).withNames(DirectoryNames.of(DIRECTORY));
  }

  @Test
  void standardTriggersImportWholeAndNotifyLikeZendesk() {
    SupportEngine std = standard(dir);
    TicketComment q = comment(1, "It blinks red", true, CUSTOMER);
    Ticket created = ticket("web_widget", TicketStatus.NEW, null, null, Set.of(), Map.of(), List.of(q));
    SupportDecision c = std.evaluate(new TicketUpdate("c", null, created, q, CUSTOMER, null, null, Map.of(), Map.of(), T),
        BusinessCalendar.ALWAYS_OPEN);
    assertEquals(List.of("Notify requester and CCs of received request", "Notify all agents of received request"),
        c.trace().fired());
    Notification received = c.notifications().get(0);
    assertEquals("rita@customer.example", received.recipient());
    assertEquals("[Northwind] Re: Router down", received.subject());
    assertTrue(received.body().endsWith("Rita Lee, 2026-11-02T10:00:01Z\n\nIt blinks red"), received.body());

    Ticket open = ticket("web_widget", TicketStatus.OPEN, "general", null, Set.of(), Map.of(), List.of(q));
    Ticket assigned = with(open, TicketStatus.OPEN, "alice", TicketPriority.NORMAL, List.of(q));
    SupportDecision byBob = std.evaluate(new TicketUpdate("a", open, assigned, null, BOB, null, null, Map.of(), Map.of(),
        T), BusinessCalendar.ALWAYS_OPEN);
    assertEquals(List.of("Notify assignee of assignment"), byBob.trace().fired());
    assertEquals("alice", byBob.notifications().get(0).recipient());
    SupportDecision bySelf = std.evaluate(new TicketUpdate("s", open, assigned, null, ALICE, null, null, Map.of(),
        Map.of(), T), BusinessCalendar.ALWAYS_OPEN);
    assertEquals(List.of(), bySelf.trace().fired(), "taking a ticket yourself sends nothing");

    TicketComment reply = comment(2, "Please restart it", true, ALICE);
    Ticket replied = with(assigned, TicketStatus.PENDING, "alice", TicketPriority.NORMAL, List.of(q, reply));
    SupportDecision r = std.evaluate(new TicketUpdate("r", assigned, replied, reply, ALICE, null, null, Map.of(),
        Map.of(), T), BusinessCalendar.ALWAYS_OPEN);
    assertEquals(List.of("Notify requester and CCs of comment update"), r.trace().fired());

    TicketComment back = comment(3, "Restart did not help", true, CUSTOMER);
    Ticket solved = with(assigned, TicketStatus.SOLVED, "alice", TicketPriority.NORMAL, List.of(q, reply));
    Ticket reopened = with(assigned, TicketStatus.OPEN, "alice", TicketPriority.NORMAL, List.of(q, reply, back));
    SupportDecision re = std.evaluate(new TicketUpdate("o", solved, reopened, back, CUSTOMER, null, null, Map.of(),
        Map.of(), T), BusinessCalendar.ALWAYS_OPEN);
    assertEquals(List.of("Notify assignee of reopened ticket"), re.trace().fired(),
        "the comment notice holds back on a reopen (status not changed from solved)");
    assertTrue(re.notifications().get(0).body().startsWith("This ticket (#4711) has been reopened."));

    Ticket toGroup = with(open, TicketStatus.OPEN, null, TicketPriority.NORMAL, List.of(q));
    Ticket noGroup = new Ticket("4711", null, "Router down", null, TicketStatus.OPEN, TicketPriority.NORMAL, null, null,
        null, "cust-1", "Rita Lee", "rita@customer.example", null, Set.of(), Map.of(), List.of(q), "web_widget", T, T);
    SupportDecision g = std.evaluate(new TicketUpdate("g", noGroup, toGroup, null, BOB, null, null, Map.of(), Map.of(), T),
        BusinessCalendar.ALWAYS_OPEN);
    assertEquals(List.of("Notify group of assignment"), g.trace().fired());
    assertEquals("general", g.notifications().get(0).recipient());
    assertTrue(g.notifications().get(0).body().contains("assigned to group General support"), g.notifications().get(0).body());
  }

  // --- the measured figure (docs/zendesk-import.md, "Coverage") -------------------------------------

  /** Imported with nothing dropped or changed in meaning: no folded channel (Liquid runs, nothing is kept as text). */
  static boolean withoutLoss(Item i) {
    return i.status() == Status.IMPORTED
        && i.warnings().stream().noneMatch(w -> w.contains("Liquid tag") || w.contains("also matches"));
  }

  @Test
  void measuredShareOfTheCorpusImportedWithoutLoss() {
    List<Item> rules = corpus.report().items().stream().filter(i -> i.kind() == ImportReport.Kind.TRIGGER
        || i.kind() == ImportReport.Kind.AUTOMATION).toList();
    long triggers = rules.stream().filter(i -> i.kind() == ImportReport.Kind.TRIGGER).count();
    long triggersOk = rules.stream().filter(i -> i.kind() == ImportReport.Kind.TRIGGER && withoutLoss(i)).count();
    long autos = rules.size() - triggers;
    long autosOk = rules.stream().filter(i -> i.kind() == ImportReport.Kind.AUTOMATION && withoutLoss(i)).count();
    String figure = String.format(java.util.Locale.ROOT, "triggers %d/%d, automations %d/%d, all %d/%d (%.1f %%)",
        triggersOk, triggers, autosOk, autos, triggersOk + autosOk, rules.size(),
        100.0 * (triggersOk + autosOk) / rules.size());
    System.out.println("corpus imported without loss: " + figure);
    assertEquals("triggers 27/36, automations 5/6, all 32/42 (76.2 %)", figure, corpus.report().toText());
  }

  // --- equivalence on Zendesk's own audits ---------------------------------------------------------

  @Test
  void zendeskAuditsOfAMessagingTicketReplayToTheSameEffects() throws Exception {
    EquivalenceReport r = new Equivalence(ImportFixtures.load(corpus, dir).ruleSet(), BusinessCalendar.ALWAYS_OPEN,
        DirectoryNames.of(DIRECTORY))
        .zendesk(AuditReplay.replay(AuditFile.read(CORPUS.resolve("audits-messaging.json")),
            IdMapping.read(CORPUS.resolve("zendesk-mapping.yaml"))));
    assertTrue(r.allMatch(), r.toText());
    // the audits keep the notification as the trigger wrote it: rendered for the update, then compared
    RuleEffects.Sent recorded = r.tickets().get(0).updates().get(0).recorded().notifications().get(0);
    assertEquals("[Northwind] Conversation with Rita", recorded.subject());
    assertEquals("A ticket (#4811) from Rita Lee is waiting: help.northwind.example/tickets/4811", recorded.body());
    RuleEffects.Sent shouting = r.tickets().get(0).updates().get(0).recorded().notifications().get(1);
    assertEquals("CONVERSATION WITH RITA", shouting.subject());
    assertEquals("Hello\nRita lee", shouting.body());
    assertEquals("Hi Rita,\n\nyour plan: .\nAccount manager: ",
        r.tickets().get(0).updates().get(0).handoff().commentBodies().get(0));
    assertEquals(3, r.updates(), r.toText());
    assertTrue(r.toText().contains("Messaging tickets to the chat team"), r.toText());
    assertTrue(r.toText().contains("E-mail or messaging updates"), r.toText());
  }

  @Test
  void formSatisfactionAndAllAgentsExportBackInZendeskSpelling() throws Exception {
    ZendeskExporter.Result out = ZendeskExporter.export(corpus.supportTriggersYaml(), corpus.slaPoliciesYaml(),
        corpus.automationsYaml(), IdMapping.read(CORPUS.resolve("zendesk-mapping.yaml")));
    String json = out.json().toPrettyString();
    assertTrue(json.contains("\"field\" : \"ticket_form_id\""), json);
    assertTrue(json.contains("\"field\" : \"satisfaction_score\""), json);
    assertTrue(json.contains("\"unoffered\""), json);
    assertTrue(json.contains("\"all_agents\""), json);
    assertTrue(out.notExported().stream().noneMatch(p -> p.contains("ticket_form") || p.contains("satisfaction")
        || p.contains("all_agents")), out.notExported().toString());
  }
}
