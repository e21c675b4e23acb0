package io.handoff.zendeskimport;

import io.handoff.rules.RuleDirectoryLoader;
import io.handoff.yaml.RuleFileError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Puts generated rule files into a live {@code workflows/} directory safely. {@link #validate} checks
 * the directory as it would be after the write (a staging copy with the new files in place) with
 * {@link RuleDirectoryLoader}, the checks of start-up and the {@code validate} command. {@link #write}
 * writes every file to a temporary file beside its target first, copies each file it replaces to
 * {@code .zendesk-import-backup/<time>/}, then moves the temporary files over the targets atomically;
 * if a move fails, the files already moved are put back from the backup.
 */
public final class RuleFilesWriter {

  /** Backups of replaced files live under this directory of the workflows directory. */
  public static final String BACKUP_DIR = ".zendesk-import-backup";

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  /**
   * One file written.
   *
   * @param backup where the replaced file was copied, or null when the file is new
   */
  public record Written(String file, String path, String backup) {}

  private RuleFilesWriter() {}

  /**
   * {@link #write} as a change the rule holder applies and reloads in one step: undone (the replaced files
   * put back, the new ones removed) when the directory it leaves does not load.
   */
  public static final class Write implements io.handoff.rules.RuleDirectoryHolder.FileChange {
    private final Path workflowsDir;
    private final Map<String, String> files;
    private final Instant now;
    private final List<Written> written = new ArrayList<>();

    public Write(Path workflowsDir, Map<String, String> files, Instant now) {
      this.workflowsDir = workflowsDir;
      this.files = files;
      this.now = now;
    }

    @Override
    public void apply() {
      written.addAll(write(workflowsDir, files, now));
    }

    @Override
    public void undo() {
      restore(workflowsDir, written);
    }

    /** Each file written and its backup (empty before {@link #apply}). */
    public List<Written> written() {
      return List.copyOf(written);
    }
  }

  /**
   * Every error and warning of the workflows directory with {@code files} (name → content) in place,
   * with file names relative to the directory. Nothing in {@code workflowsDir} changes.
   */
  public static List<RuleFileError> validate(Path workflowsDir, Path promptsDir, Map<String, String> files) {
    Path staging = null;
    try {
      staging = Files.createTempDirectory("handoff-import-");
      if (Files.isDirectory(workflowsDir)) {
        try (DirectoryStream<Path> existing = Files.newDirectoryStream(workflowsDir, Files::isRegularFile)) {
          for (Path f : existing) {
            Files.copy(f, staging.resolve(f.getFileName().toString()));
          }
        }
      }
      for (Map.Entry<String, String> f : files.entrySet()) {
        Files.writeString(staging.resolve(f.getKey()), f.getValue());
      }
      List<RuleFileError> out = new ArrayList<>();
      for (RuleFileError e : RuleDirectoryLoader.load(staging, promptsDir).problems()) {
        out.add(new RuleFileError(relative(e.file()), e.line(), e.rule(), e.message(), e.severity()));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage the imported rules: " + e.getMessage(), e);
    } finally {
      delete(staging);
    }
  }

  /** Writes {@code files} (name → content) into {@code workflowsDir} as described on the class. */
  public static List<Written> write(Path workflowsDir, Map<String, String> files, Instant now) {
    Path backupDir = workflowsDir.resolve(BACKUP_DIR).resolve(STAMP.format(now));
    List<Path> temps = new ArrayList<>();
    List<Written> written = new ArrayList<>();
    try {
      Files.createDirectories(workflowsDir);
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path tmp = Files.createTempFile(workflowsDir, "." + f.getKey() + ".", ".tmp");
        temps.add(tmp);
        Files.writeString(tmp, f.getValue());
      }
      for (String name : files.keySet()) {
        Path target = workflowsDir.resolve(name);
        String backup = null;
        if (Files.exists(target)) {
          Files.createDirectories(backupDir);
          backup = Files.copy(target, backupDir.resolve(name), StandardCopyOption.COPY_ATTRIBUTES).toString();
        }
        written.add(new Written(name, target.toString(), backup));
      }
      moveAll(workflowsDir, temps, written);
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException("writing the imported rules failed, nothing was replaced: " + e.getMessage(), e);
    } finally {
      temps.forEach(RuleFilesWriter::deleteQuietly);
    }
  }

  private static void moveAll(Path dir, List<Path> temps, List<Written> written) throws IOException {
    for (int i = 0; i < temps.size(); i++) {
      try {
        move(temps.get(i), dir.resolve(written.get(i).file()));
      } catch (IOException e) {
        restore(dir, written.subList(0, i));
        throw e;
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Puts back the files {@link #write} replaced (from their backups) and removes the ones that were new:
   * undoes a write whose files the service then could not load.
   */
  public static void restore(Path dir, List<Written> moved) {
    for (Written w : moved) {
      try {
        if (w.backup() != null) {
          Files.copy(Path.of(w.backup()), dir.resolve(w.file()), StandardCopyOption.REPLACE_EXISTING);
        } else {
          Files.deleteIfExists(dir.resolve(w.file()));
        }
      } catch (IOException ignored) {
        // The backup stays in place for a person to restore by hand.
      }
    }
  }

  private static String relative(String file) {
    Path p = Path.of(file);
    return p.getFileName() == null ? file : p.getFileName().toString();
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(RuleFilesWriter::deleteQuietly);
    } catch (IOException ignored) {
      // A temporary directory left behind is harmless.
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // Best effort: a leftover temporary file does not affect the rules.
    }
  }
}
