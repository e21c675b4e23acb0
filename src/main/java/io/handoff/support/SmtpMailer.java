package io.handoff.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A small SMTP client (RFC 5321) for trigger e-mails: EHLO, optional STARTTLS and AUTH PLAIN, one
 * message per connection. A 4xx reply or a network failure is retryable (Temporal retries the
 * activity); a 5xx reply is not. The Message-ID derives from the idempotency key, so a receiver sees
 * one message even in the rare case of a resend after a lost reply.
 */
public final class SmtpMailer {
  /** SMTP settings; {@code username} null means no authentication. */
  public record Settings(String host, int port, String from, String username, String password, boolean startTls,
      Duration timeout) {}

  private final Settings settings;

  public SmtpMailer(Settings settings) {
    this.settings = settings;
  }

  /** Sends one plain-text UTF-8 message to the recipients. */
  public void send(List<String> to, String subject, String body, String messageKey) {
    try (Socket plain = new Socket()) {
      plain.connect(new InetSocketAddress(settings.host(), settings.port()), (int) settings.timeout().toMillis());
      plain.setSoTimeout((int) settings.timeout().toMillis());
      Session s = new Session(plain);
      s.expect(220);
      s.command("EHLO handoff", 250);
      if (settings.startTls()) {
        s.command("STARTTLS", 220);
        SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
            .createSocket(plain, settings.host(), settings.port(), true);
        tls.startHandshake();
        s = new Session(tls);
        s.command("EHLO handoff", 250);
      }
      if (settings.username() != null && !settings.username().isBlank()) {
        String token = Base64.getEncoder().encodeToString(("\0" + settings.username() + "\0"
            + (settings.password() == null ? "" : settings.password())).getBytes(StandardCharsets.UTF_8));
        s.command("AUTH PLAIN " + token, 235);
      }
      s.command("MAIL FROM:<" + settings.from() + ">", 250);
      for (String rcpt : to) {
        s.command("RCPT TO:<" + rcpt + ">", 250, 251);
      }
      s.command("DATA", 354);
      s.write(message(to, subject, body, messageKey));
      s.command(".", 250);
      s.command("QUIT", 221);
    } catch (SocketTimeoutException e) {
      throw new NotificationClient.DeliveryException("SMTP server " + settings.host() + " timed out", true, e);
    } catch (IOException e) {
      throw new NotificationClient.DeliveryException("SMTP server " + settings.host() + " unreachable: "
          + e.getMessage(), true, e);
    }
  }

  private String message(List<String> to, String subject, String body, String messageKey) {
    String id = Integer.toHexString(messageKey.hashCode()) + "." + Math.abs((long) messageKey.length() * 31
        + messageKey.chars().sum()) + "@handoff";
    StringBuilder m = new StringBuilder();
    m.append("From: ").append(settings.from()).append("\r\n");
    m.append("To: ").append(String.join(", ", to)).append("\r\n");
    m.append("Subject: ").append(encodeHeader(subject == null ? "" : subject)).append("\r\n");
    m.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now())).append("\r\n");
    m.append("Message-ID: <").append(id).append(">\r\n");
    m.append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");
    for (String line : (body == null ? "" : body).split("\r?\n", -1)) {
      // Dot-stuffing (RFC 5321 4.5.2): a line starting with "." gets another one.
      m.append(line.startsWith(".") ? "." + line : line).append("\r\n");
    }
    return m.toString();
  }

  /** RFC 2047 encoded-word for a non-ASCII subject. */
  static String encodeHeader(String text) {
    boolean ascii = text.chars().allMatch(c -> c >= 32 && c < 127);
    return ascii ? text : "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
  }

  /** One connection's reply reading and command writing. */
  private static final class Session {
    private final BufferedReader in;
    private final OutputStream out;

    Session(Socket socket) throws IOException {
      this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      this.out = socket.getOutputStream();
    }

    void write(String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    void command(String line, int... expected) throws IOException {
      write(line + "\r\n");
      expect(expected);
    }

    void expect(int... expected) throws IOException {
      String line;
      String last;
      do {
        line = in.readLine();
        if (line == null) {
          throw new IOException("connection closed by the SMTP server");
        }
        last = line;
      } while (line.length() > 3 && line.charAt(3) == '-');
      int code = Integer.parseInt(last.substring(0, 3));
      for (int e : expected) {
        if (code == e) {
          return;
        }
      }
      throw new NotificationClient.DeliveryException("SMTP server answered: "
          + io.handoff.privacy.Redact.emails(last), code >= 400 && code < 500, null);
    }
  }
}
