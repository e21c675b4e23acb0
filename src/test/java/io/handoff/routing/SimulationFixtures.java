package io.handoff.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The recorded conversations and a candidate rule directory for simulation tests. */
public final class SimulationFixtures {
  private SimulationFixtures() {}

  public static final Path CONVERSATIONS = Path.of("src/test/resources/simulation/conversations.jsonl");

  public static List<SimulatedConversation> conversations() throws IOException {
    return SimulatedConversation.read(Files.readAllLines(CONVERSATIONS), CONVERSATIONS.toString());
  }

  /** The shipped workflows/ with the pricing intent owned by Billing instead of Sales. */
  public static Path pricingToBilling(Path tmp) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("candidate-workflows"));
    try (Stream<Path> files = Files.list(Path.of("workflows"))) {
      for (Path f : files.toList()) {
        String text = Files.readString(f);
        if (f.getFileName().toString().equals("handoff-policy.yaml")) {
          assertThat(text).contains("pricing_sales: sales");
          text = text.replace("pricing_sales: sales", "pricing_sales: billing");
        }
        Files.writeString(dir.resolve(f.getFileName()), text);
      }
    }
    return dir;
  }
}
