package io.handoff.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.handoff.testing.TestDatabases;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The SMTP client against a scripted SMTP server on loopback that records every session. */
@Timeout(30)
class SmtpNotificationClientTest {
  ServerSocket server;
  final List<String> sessions = new CopyOnWriteArrayList<>();
  volatile String rcptReply = "250 ok";

  @BeforeEach
  void startServer() throws Exception {
    server = new ServerSocket(0);
    Thread t = new Thread(() -> {
      while (!server.isClosed()) {
        try (Socket s = server.accept()) {
          serve(s);
        } catch (Exception e) {
          // Closed at the end of the test.
        }
      }
    });
    t.setDaemon(true);
    t.start();
  }

  @AfterEach
  void stopServer() throws Exception {
    server.close();
  }

  private void serve(Socket s) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    OutputStream out = s.getOutputStream();
    StringBuilder session = new StringBuilder();
    reply(out, "220 test ESMTP");
    String line;
    boolean data = false;
    while ((line = in.readLine()) != null) {
      session.append(line).append('\n');
      if (data) {
        if (line.equals(".")) {
          data = false;
          reply(out, "250 queued");
        }
        continue;
      }
      if (line.startsWith("EHLO")) {
        reply(out, "250-test\r\n250 AUTH PLAIN");
      } else if (line.startsWith("RCPT")) {
        reply(out, rcptReply);
      } else if (line.equals("DATA")) {
        data = true;
        reply(out, "354 go ahead");
      } else if (line.equals("QUIT")) {
        reply(out, "221 bye");
        break;
      } else if (line.startsWith("AUTH")) {
        reply(out, "235 ok");
      } else {
        reply(out, "250 ok");
      }
    }
    sessions.add(session.toString());
  }

  private static void reply(OutputStream out, String text) throws Exception {
    out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  SmtpNotificationClient client(NotificationOutboxStore store, String user) {
    return new SmtpNotificationClient(store, new SmtpMailer(new SmtpMailer.Settings("127.0.0.1",
        server.getLocalPort(), "handoff@example.com", user, "secret", false, Duration.ofSeconds(5))),
        n -> List.of(n.recipient()));
  }

  static Notification email(String key, String to) {
    return new Notification(Notification.Kind.EMAIL, "SUP - Notify", 0, "user", to, "Ticket 7 — priorité haute",
        "Hello,\n.leading dot\nBye", null, key);
  }

  @Test
  void sendsOneMessageAndNeverTwiceForTheSameKey() throws Exception {
    NotificationOutboxStore store = new NotificationOutboxStore(TestDatabases.h2().dataSource());
    SmtpNotificationClient smtp = client(store, "bot");
    assertThat(smtp.deliver(email("k-1", "lead@example.com")).status()).isEqualTo("sent");
    assertThat(smtp.deliver(email("k-1", "lead@example.com")).duplicate()).isTrue();
    Thread.sleep(200);
    assertThat(sessions).hasSize(1);
    String s = sessions.get(0);
    assertThat(s).contains("EHLO handoff", "AUTH PLAIN ", "MAIL FROM:<handoff@example.com>",
        "RCPT TO:<lead@example.com>", "Subject: =?UTF-8?B?", "..leading dot", "QUIT");
    assertThat(store.statusOf("k-1")).isEqualTo("sent");
  }

  @Test
  void aPermanentRefusalIsNotRetryableAndATemporaryOneIs() {
    NotificationOutboxStore store = new NotificationOutboxStore(TestDatabases.h2().dataSource());
    rcptReply = "550 5.1.1 <nobody@example.com>: no such user";
    assertThatThrownBy(() -> client(store, null).deliver(email("k-2", "nobody@example.com")))
        .isInstanceOfSatisfying(NotificationClient.DeliveryException.class, e -> assertThat(e.retryable()).isFalse())
        .as("the address is not repeated in the error, which Temporal logs and stores")
        .hasMessage("SMTP server answered: 550 5.1.1 <<e-mail>>: no such user");
    rcptReply = "451 try later";
    assertThatThrownBy(() -> client(store, null).deliver(email("k-3", "busy@example.com")))
        .isInstanceOfSatisfying(NotificationClient.DeliveryException.class, e -> assertThat(e.retryable()).isTrue());
    assertThat(store.statusOf("k-3")).isEqualTo("pending");
  }

  @Test
  void anUnreachableServerIsRetryable() throws Exception {
    NotificationOutboxStore store = new NotificationOutboxStore(TestDatabases.h2().dataSource());
    // Port 1 on loopback: nothing listens there, so the connection is refused (a freed ephemeral port
    // could be taken by another test's listener meanwhile).
    int port = 1;
    SmtpNotificationClient smtp = new SmtpNotificationClient(store, new SmtpMailer(new SmtpMailer.Settings(
        "127.0.0.1", port, "handoff@example.com", null, null, false, Duration.ofSeconds(2))), n -> List.of("a@b.c"));
    assertThatThrownBy(() -> smtp.deliver(email("k-4", "a@b.c")))
        .isInstanceOfSatisfying(NotificationClient.DeliveryException.class, e -> assertThat(e.retryable()).isTrue());
  }
}
