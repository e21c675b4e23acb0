package io.handoff.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of README.md and docs/*.md points to a file of the repository, and every
 * {@code #anchor} to a heading of its file (GitHub's heading ids), so the documentation never sends a
 * reader to a file or section that does not exist.
 */
class DocLinksTest {
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#+ (.*)$", Pattern.MULTILINE);
  private static final Pattern FENCE = Pattern.compile("```.*?```", Pattern.DOTALL);

  @Test
  void everyRelativeLinkOfTheReadmeAndTheDocsReachesAnExistingFileAndHeading() throws IOException {
    List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path file : files) {
      Matcher m = LINK.matcher(Files.readString(file));
      while (m.find()) {
        String target = m.group(1);
        if (target.matches("[a-z]+:.*")) {
          continue; // http:, https:, mailto:
        }
        checked++;
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        Path resolved = path.isEmpty() ? file : file.toAbsolutePath().getParent().resolve(path).normalize();
        if (!Files.exists(resolved)) {
          broken.add(file + ": " + target + " (no such file)");
        } else if (hash >= 0 && resolved.toString().endsWith(".md")
            && !headingIds(resolved).contains(target.substring(hash + 1))) {
          broken.add(file + ": " + target + " (no such heading)");
        }
      }
    }
    assertThat(checked).as("relative links checked").isGreaterThan(50);
    assertThat(broken).isEmpty();
  }

  /** GitHub's ids of a Markdown file's headings: lower case, punctuation dropped, spaces as dashes. */
  static Set<String> headingIds(Path file) throws IOException {
    String text = FENCE.matcher(Files.readString(file)).replaceAll("");
    Set<String> ids = new HashSet<>();
    Matcher m = HEADING.matcher(text);
    while (m.find()) {
      ids.add(m.group(1).strip().toLowerCase(Locale.ROOT)
          .replaceAll("(?U)[^\\w\\- ]", "").replace(' ', '-'));
    }
    return ids;
  }
}
