package io.handoff.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.testing.Events;
import io.handoff.testing.Journeys;
import io.restassured.http.ContentType;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * A journey driven through REST with personal data that appears nowhere else: a customer name and
 * e-mail, a message, a customer reply and an agent comment. Tests look for these strings where they
 * must not be.
 */
record PrivateJourney(String conversationId, String journeyId, String ticketId, List<String> secrets) {
  static final String NAME = "Zelphine Quorrowbeck";
  static final String EMAIL = "zelphine.quorrowbeck@privacy-test.example";
  static final String TEXT = "How much does the Enterprise plan cost? Card ends 4242, code zyxwvut";
  static final String REPLY = "Still waiting here, glimmerfax";
  static final String COMMENT = "Checking with billing, plumbago";

  /** Runs the journey to a ticket with an agent comment and a customer reply processed. */
  static PrivateJourney run(String prefix) {
    String id = prefix + "-" + UUID.randomUUID();
    String journeyId = Events.post(id, """
        {"type":"conversation.started","channel":"web_widget","pageUrl":"https://shop.example/pricing",
         "customer":{"id":"u-%s","name":"%s","email":"%s","locale":"en","tier":"enterprise"}}"""
        .formatted(id, NAME, EMAIL));
    Events.post(id, """
        {"type":"message.received","channel":"web_widget","text":"%s"}""".formatted(TEXT));
    String ticketId = Journeys.awaitTicket(journeyId);
    given().contentType(ContentType.JSON)
        .body("{\"public\":true,\"body\":\"" + COMMENT + "\",\"author\":{\"id\":\"emma.garcia\",\"name\":\"Emma\"}}")
        .when().post("/api/tickets/{id}/comments", ticketId).then().statusCode(201);
    Events.post(id, """
        {"type":"customer.replied","channel":"web_widget","text":"%s"}""".formatted(REPLY));
    Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
        Journeys.ticket(ticketId).getList("comments.body", String.class)).contains(COMMENT, REPLY));
    return new PrivateJourney(id, journeyId, ticketId, List.of(NAME, EMAIL, TEXT, REPLY, COMMENT, "zyxwvut",
        "glimmerfax", "plumbago", "Quorrowbeck"));
  }

  /** The secrets found in the text (none, when private). */
  List<String> foundIn(String text) {
    List<String> found = new ArrayList<>();
    for (String s : secrets) {
      if (text.contains(s)) {
        found.add(s);
      }
    }
    return found;
  }

  /** The workflow's raw history as stored by Temporal, read by a client that has no payload codec. */
  String rawHistory(WorkflowClient client) {
    WorkflowClient plain = WorkflowClient.newInstance(client.getWorkflowServiceStubs(),
        WorkflowClientOptions.newBuilder().setNamespace(client.getOptions().getNamespace()).build());
    return new String(plain.fetchHistory(journeyId).getHistory().toByteArray(), StandardCharsets.UTF_8);
  }

  /** The raw DescribeWorkflowExecution answer: search attributes, memo, summary and details. */
  DescribeWorkflowExecutionResponse describe(WorkflowClient client) {
    return client.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
        DescribeWorkflowExecutionRequest.newBuilder().setNamespace(client.getOptions().getNamespace())
            .setExecution(WorkflowExecution.newBuilder().setWorkflowId(journeyId)).build());
  }
}
