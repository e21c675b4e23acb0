package io.handoff.bench.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies the rule files and gives every group and agent of {@code helpdesk.yaml} a Zendesk id, which
 * the Zendesk helpdesk needs to send {@code group_id} and {@code assignee_id}.
 */
final class ZendeskIds {
  private ZendeskIds() {}

  static Path copyWorkflows(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    List<String> out = new ArrayList<>();
    int next = 360_001;
    for (String line : Files.readAllLines(to.resolve("helpdesk.yaml"))) {
      out.add(line);
      if (line.startsWith("  - id: ")) {
        out.add("    zendeskId: \"" + next++ + "\"");
      }
    }
    Files.write(to.resolve("helpdesk.yaml"), out);
    return to;
  }
}
