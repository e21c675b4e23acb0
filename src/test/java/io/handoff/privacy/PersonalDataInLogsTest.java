package io.handoff.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.client.WorkflowClient;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Message text, customer names and e-mails and comment bodies never reach the logs at INFO or above,
 * nor the search attributes, memo, summary or details of a journey (Temporal stores those unencrypted).
 */
@QuarkusTest
@Timeout(120)
class PersonalDataInLogsTest {
  @Inject WorkflowClient client;

  final Capture capture = new Capture();

  @BeforeEach
  void listen() {
    Logger.getLogger("").addHandler(capture);
  }

  @AfterEach
  void stopListening() {
    Logger.getLogger("").removeHandler(capture);
  }

  @Test
  void aJourneyLogsNoPersonalDataAtInfoOrAbove() {
    org.jboss.logging.Logger.getLogger(PersonalDataInLogsTest.class).infof("capture probe %s", "p-31337");
    PrivateJourney j = PrivateJourney.run("logs");

    String logged = capture.text();
    assertThat(logged).as("the capture sees the application's INFO records").contains("capture probe p-31337");
    assertThat(j.foundIn(logged)).as("personal data in the logs").isEmpty();
  }

  @Test
  void searchAttributesSummaryAndDetailsCarryNoPersonalData() {
    PrivateJourney j = PrivateJourney.run("attrs");
    DescribeWorkflowExecutionResponse d = j.describe(client);

    String visible = d.getWorkflowExecutionInfo().getSearchAttributes() + "\n"
        + d.getWorkflowExecutionInfo().getMemo() + "\n" + d.getExecutionConfig().getUserMetadata();
    assertThat(visible).contains("HandoffStage", "TICKETED", "HandoffTicketId", "Customer journey");
    assertThat(j.foundIn(visible)).as("personal data in search attributes, memo, summary or details").isEmpty();
    assertThat(j.foundIn(d.toString())).as("personal data anywhere in the description").isEmpty();
  }

  @Test
  void withoutEncryptionTheHistoryHoldsTheMessageInTheClear() {
    // The control for PayloadEncryptionApiTest: the raw-history check does see plain payloads.
    PrivateJourney j = PrivateJourney.run("plain");
    assertThat(j.foundIn(j.rawHistory(client))).contains(PrivateJourney.TEXT, PrivateJourney.EMAIL);
  }

  /** Keeps the text of every record at INFO or above: message, parameters and any exception chain. */
  static final class Capture extends Handler {
    private final List<String> records = Collections.synchronizedList(new ArrayList<>());

    Capture() {
      setLevel(Level.INFO);
    }

    @Override
    public void publish(LogRecord r) {
      if (r.getLevel().intValue() < Level.INFO.intValue()) {
        return;
      }
      StringBuilder sb = new StringBuilder(r.getLevel() + " " + r.getLoggerName() + ": ");
      sb.append(r instanceof org.jboss.logmanager.ExtLogRecord e ? e.getFormattedMessage() : r.getMessage());
      if (r.getParameters() != null) {
        sb.append(' ').append(Arrays.toString(r.getParameters()));
      }
      if (r.getThrown() != null) {
        StringWriter w = new StringWriter();
        r.getThrown().printStackTrace(new PrintWriter(w));
        sb.append('\n').append(w);
      }
      records.add(sb.toString());
    }

    String text() {
      synchronized (records) {
        return String.join("\n", records);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
