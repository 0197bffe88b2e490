package dev.gitopscrew.git;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * Read-only views of a configured repository at a branch, tag or commit, from its cached clone: the
 * files under a path, one file's text, and a plain search. Every answer is bounded (files, bytes,
 * hits) and says when it was cut; a path is validated like any path a user gives, and an unknown
 * repository, ref or path is refused with what exists instead. Nothing is written.
 */
public final class RepositoryReader {

  /** Paths one listing returns at most. */
  public static final int MAX_FILES = 500;

  /** Bytes of one file returned at most. */
  public static final int MAX_BYTES = 64 * 1024;

  /** Matching lines one search returns at most. */
  public static final int MAX_HITS = 50;

  /** Files larger than this are not searched (they are counted as skipped). */
  static final int MAX_SEARCHED_BYTES = 1024 * 1024;

  /** Characters of one matching line shown at most. */
  static final int MAX_LINE = 200;

  /** Names shown when saying what exists instead. */
  static final int MAX_NAMED = 30;

  /** Files under a path at a ref; {@code total} counts them all, {@code files} is at most 500. */
  public record Listing(String repository, String at, String path, List<String> files, int total) {
    public boolean cut() {
      return files.size() < total;
    }
  }

  /** One text file at a ref; {@code text} is at most 64 KiB of its {@code size} bytes. */
  public record FileText(
      String repository, String at, String path, String text, long size, boolean cut) {}

  /** One matching line. */
  public record Hit(String path, int line, String text) {}

  /** A search's matching lines; {@code cut} when there were more than 50. */
  public record Hits(
      String repository,
      String at,
      String text,
      String path,
      List<Hit> hits,
      boolean cut,
      int searched,
      int skipped) {}

  private final MirrorCache mirrors;
  private final Map<String, RepositorySpec> repositories;
  private final Function<RepositorySpec, GitCredentials> credentials;

  /**
   * @param repositories the configured repositories by name
   * @param credentials the Git credentials of a repository (its forge's)
   */
  public RepositoryReader(
      MirrorCache mirrors,
      Map<String, RepositorySpec> repositories,
      Function<RepositorySpec, GitCredentials> credentials) {
    this.mirrors = mirrors;
    this.repositories = Map.copyOf(repositories);
    this.credentials = credentials;
  }

  /** The repository names that can be read. */
  public List<String> repositories() {
    return repositories.keySet().stream().sorted().toList();
  }

  /** The files under {@code path} (a folder or one file; empty: the whole repository). */
  public Listing list(String repository, String path, String ref) {
    Snapshot s = snapshot(repository, ref);
    String folder = optionalPath(path);
    List<String> files = new ArrayList<>();
    int total = 0;
    try (TreeWalk walk = new TreeWalk(s.repo())) {
      walk.addTree(s.tree());
      walk.setRecursive(true);
      if (!folder.isEmpty()) {
        walk.setFilter(PathFilter.create(folder));
      }
      while (walk.next()) {
        if (isFile(walk)) {
          total++;
          if (files.size() < MAX_FILES) {
            files.add(walk.getPathString());
          }
        }
      }
    } catch (IOException e) {
      throw new GitWorkflowException("cannot list " + s.describe(), e);
    }
    if (total == 0 && !folder.isEmpty()) {
      throw new GitWorkflowException(
          "no file or folder '" + folder + "' in " + s.describe() + "; " + near(s, folder));
    }
    return new Listing(s.name(), s.at(), folder, List.copyOf(files), total);
  }

  /** The text of one file; a binary file is refused, a large one cut at 64 KiB. */
  public FileText read(String repository, String path, String ref) {
    Snapshot s = snapshot(repository, ref);
    String file = RefNames.requireValidPath(path);
    try (TreeWalk walk = TreeWalk.forPath(s.repo(), file, s.tree())) {
      if (walk == null) {
        throw new GitWorkflowException(
            "no file '" + file + "' in " + s.describe() + "; " + near(s, file));
      }
      if (walk.getFileMode(0).getObjectType() == Constants.OBJ_TREE) {
        throw new GitWorkflowException(
            "'" + file + "' is a folder in " + s.describe() + ", not a file; " + near(s, file));
      }
      if (!isFile(walk)) {
        throw new GitWorkflowException("'" + file + "' is a submodule, not a file");
      }
      ObjectLoader loader = s.repo().open(walk.getObjectId(0), Constants.OBJ_BLOB);
      long size = loader.getSize();
      byte[] head;
      try (InputStream in = loader.openStream()) {
        head = in.readNBytes(MAX_BYTES);
      }
      if (RawText.isBinary(head, head.length, head.length == size)) {
        throw new GitWorkflowException(
            "'"
                + file
                + "' in "
                + s.describe()
                + " is a binary file ("
                + size
                + " bytes); only text files can be read");
      }
      boolean cut = head.length < size;
      return new FileText(s.name(), s.at(), file, text(head, cut), size, cut);
    } catch (IOException e) {
      throw new GitWorkflowException("cannot read " + file + " in " + s.describe(), e);
    }
  }

  /**
   * The lines of the text files under {@code path} (empty: everywhere) containing {@code text},
   * ignoring case; at most 50, in path and line order.
   */
  public Hits search(String repository, String text, String path, String ref) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the text to search for is required");
    }
    if (text.length() > MAX_LINE || text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new IllegalArgumentException(
          "the text to search for is one line of at most " + MAX_LINE + " characters");
    }
    Snapshot s = snapshot(repository, ref);
    String folder = optionalPath(path);
    String needle = text.toLowerCase(Locale.ROOT);
    List<Hit> hits = new ArrayList<>();
    boolean cut = false;
    int searched = 0;
    int skipped = 0;
    try (TreeWalk walk = new TreeWalk(s.repo())) {
      walk.addTree(s.tree());
      walk.setRecursive(true);
      if (!folder.isEmpty()) {
        walk.setFilter(PathFilter.create(folder));
      }
      while (walk.next() && !cut) {
        if (!isFile(walk)) {
          continue;
        }
        ObjectLoader loader = s.repo().open(walk.getObjectId(0), Constants.OBJ_BLOB);
        if (loader.getSize() > MAX_SEARCHED_BYTES) {
          skipped++;
          continue;
        }
        byte[] bytes = loader.getBytes();
        if (RawText.isBinary(bytes)) {
          skipped++;
          continue;
        }
        searched++;
        int number = 0;
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n", -1)) {
          number++;
          if (line.toLowerCase(Locale.ROOT).contains(needle)) {
            if (hits.size() == MAX_HITS) {
              cut = true;
              break;
            }
            hits.add(new Hit(walk.getPathString(), number, shorten(line.strip())));
          }
        }
      }
    } catch (IOException e) {
      throw new GitWorkflowException("cannot search " + s.describe(), e);
    }
    if (searched + skipped == 0 && !folder.isEmpty()) {
      throw new GitWorkflowException(
          "no file or folder '" + folder + "' in " + s.describe() + "; " + near(s, folder));
    }
    return new Hits(s.name(), s.at(), text, folder, List.copyOf(hits), cut, searched, skipped);
  }

  /** A repository's commit, fetched now, and how to name it in a message. */
  private record Snapshot(String name, String at, Repository repo, RevTree tree) {
    String describe() {
      return name + " at " + at;
    }
  }

  private Snapshot snapshot(String repository, String ref) {
    RepositorySpec spec = repositories.get(repository);
    if (spec == null) {
      throw new GitWorkflowException(
          "no repository named '"
              + (repository == null ? "" : repository.replaceAll("\\p{Cntrl}", "?"))
              + "' is configured; known: "
              + repositories());
    }
    String name = ref == null || ref.isBlank() ? spec.defaultBranch() : ref.strip();
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._/-]{0,199}") || name.contains("..")) {
      throw new IllegalArgumentException(
          "'"
              + name.replaceAll("\\p{Cntrl}", "?")
              + "' is not a branch, tag or commit name (letters, digits, '.', '_', '/', '-')");
    }
    Mirror mirror = mirrors.open(spec, credentials.apply(spec));
    mirror.fetch();
    Repository repo = mirror.repository();
    ObjectId commit =
        Revisions.resolve(repo, name, Mirror.TRACKING, Mirror.REMOTE_TAGS)
            .orElseThrow(
                () ->
                    new GitWorkflowException(
                        "no branch, tag or commit '"
                            + name
                            + "' in "
                            + spec.name()
                            + "; branches: "
                            + refs(repo, Mirror.TRACKING)
                            + ", tags: "
                            + refs(repo, Constants.R_TAGS)));
    try (RevWalk walk = new RevWalk(repo)) {
      RevTree tree = walk.parseCommit(commit).getTree();
      String at = name + " (" + commit.name().substring(0, 12) + ")";
      return new Snapshot(spec.name(), at, repo, tree);
    } catch (IOException e) {
      throw new GitWorkflowException("cannot read " + name + " of " + spec.name(), e);
    }
  }

  /** What exists in the deepest existing folder of {@code path}, to say instead. */
  private static String near(Snapshot s, String path) {
    String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
    while (true) {
      List<String> entries = entries(s, folder);
      if (entries != null) {
        String where = folder.isEmpty() ? "the top level" : folder + "/";
        return where
            + " holds "
            + (entries.size() > MAX_NAMED
                ? entries.subList(0, MAX_NAMED) + " and " + (entries.size() - MAX_NAMED) + " more"
                : entries.toString());
      }
      folder = folder.contains("/") ? folder.substring(0, folder.lastIndexOf('/')) : "";
    }
  }

  /** The names directly in {@code folder} (folders end with '/'), or null when it is no folder. */
  private static List<String> entries(Snapshot s, String folder) {
    try {
      TreeWalk walk;
      if (folder.isEmpty()) {
        walk = new TreeWalk(s.repo());
        walk.addTree(s.tree());
      } else {
        TreeWalk at = TreeWalk.forPath(s.repo(), folder, s.tree());
        if (at == null || at.getFileMode(0).getObjectType() != Constants.OBJ_TREE) {
          if (at != null) {
            at.close();
          }
          return null;
        }
        walk = new TreeWalk(s.repo());
        walk.addTree(at.getObjectId(0));
        at.close();
      }
      try (walk) {
        List<String> names = new ArrayList<>();
        while (walk.next()) {
          boolean tree = walk.getFileMode(0).getObjectType() == Constants.OBJ_TREE;
          names.add(walk.getNameString() + (tree ? "/" : ""));
        }
        return names;
      }
    } catch (IOException e) {
      throw new GitWorkflowException("cannot list " + folder + " in " + s.describe(), e);
    }
  }

  private static List<String> refs(Repository repo, String prefix) {
    try {
      List<String> names = new ArrayList<>();
      for (Ref r : repo.getRefDatabase().getRefsByPrefix(prefix)) {
        names.add(r.getName().substring(prefix.length()));
      }
      return names.size() > MAX_NAMED ? names.subList(0, MAX_NAMED) : names;
    } catch (IOException e) {
      return List.of();
    }
  }

  private static boolean isFile(TreeWalk walk) {
    FileMode mode = walk.getFileMode(0);
    return mode.getObjectType() == Constants.OBJ_BLOB;
  }

  /** An optional folder: empty for the whole repository, else a valid relative path. */
  private static String optionalPath(String path) {
    if (path == null) {
      return "";
    }
    String p = path.strip();
    while (p.endsWith("/") && p.length() > 1) {
      p = p.substring(0, p.length() - 1);
    }
    return p.isEmpty() || p.equals(".") || p.equals("/") ? "" : RefNames.requireValidPath(p);
  }

  /** The bytes as text; a cut one ends at its last whole line, never inside a character. */
  private static String text(byte[] bytes, boolean cut) {
    int end = bytes.length;
    if (cut) {
      int newline = -1;
      for (int i = end - 1; i >= 0; i--) {
        if (bytes[i] == '\n') {
          newline = i;
          break;
        }
      }
      if (newline > 0) {
        end = newline + 1;
      } else {
        while (end > 0 && (bytes[end - 1] & 0xC0) == 0x80) {
          end--; // continuation bytes of a character the cut split
        }
        if (end > 0 && (bytes[end - 1] & 0x80) != 0) {
          end--;
        }
      }
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }

  private static String shorten(String line) {
    return line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "…" : line;
  }
}
