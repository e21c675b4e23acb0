package io.handoff.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A temporary copy of the shipped {@code workflows/} directory for a @QuarkusTest profile that points
 * {@code handoff.workflows-dir} at it, with some files replaced. One copy per JVM and name: the test profile
 * and the test may be loaded by different class loaders, so the copy's path is shared through a system
 * property.
 */
public final class WorkflowsCopy {
  private WorkflowsCopy() {}

  /**
   * The copy named {@code name} (made on the first call of this JVM), its files replaced by
   * {@code replaced} (file name to content).
   */
  public static synchronized Path of(String name, Map<String, String> replaced) {
    String property = "handoff-test.workflows-copy." + name;
    String shared = System.getProperty(property);
    if (shared != null) {
      return Path.of(shared);
    }
    try {
      Path dir = Files.createTempDirectory("handoff-workflows-" + name + "-");
      try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("workflows"))) {
        for (Path f : files) {
          if (Files.isRegularFile(f)) {
            Files.copy(f, dir.resolve(f.getFileName().toString()));
          }
        }
      }
      for (Map.Entry<String, String> file : replaced.entrySet()) {
        Files.writeString(dir.resolve(file.getKey()), file.getValue());
      }
      System.setProperty(property, dir.toString());
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
