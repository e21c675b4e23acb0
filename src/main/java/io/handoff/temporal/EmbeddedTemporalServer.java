package io.handoff.temporal;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

/**
 * Temporal's Java test server, bound to 127.0.0.1 only (the SDK's own port-bound helper binds every
 * interface). Time skipping is locked, so timers run in real time. Everything is kept in memory.
 */
public final class EmbeddedTemporalServer implements AutoCloseable {
  private final TestServicesStarter services;
  private final Server server;
  private final int port;

  private EmbeddedTemporalServer(TestServicesStarter services, Server server, int port) {
    this.services = services;
    this.server = server;
    this.port = port;
  }

  /** Starts the server on the given loopback port; 0 picks a free one. */
  public static EmbeddedTemporalServer start(int requestedPort) {
    int port = requestedPort == 0 ? freePort() : requestedPort;
    TestServicesStarter services = new TestServicesStarter(true, 0);
    NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port));
    for (BindableService s : services.getServices()) {
      builder.addService(s);
    }
    try {
      return new EmbeddedTemporalServer(services, builder.build().start(), port);
    } catch (IOException e) {
      services.close();
      throw new UncheckedIOException("Cannot bind the embedded Temporal server to 127.0.0.1:" + port, e);
    }
  }

  public int port() {
    return port;
  }

  public String target() {
    return "127.0.0.1:" + port;
  }

  @Override
  public void close() {
    server.shutdown();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.shutdownNow();
    }
    services.close();
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
