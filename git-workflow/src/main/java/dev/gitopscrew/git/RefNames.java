package dev.gitopscrew.git;

import java.text.Normalizer;
import java.util.Locale;
import org.eclipse.jgit.lib.Repository;

/**
 * Validation of everything a user's text can turn into inside Git: branch names ({@code git
 * check-ref-format} rules, as JGit implements them), agent ids, titles and file paths.
 */
public final class RefNames {

  private static final int SLUG_MAX = 40;

  private RefNames() {}

  /** Throws unless {@code branch} is a valid short branch name. */
  public static String requireValidBranch(String branch) {
    if (branch == null || branch.isBlank()) {
      throw new IllegalArgumentException("a branch name is required");
    }
    if (hasControlCharacter(branch)) {
      throw new IllegalArgumentException("branch name contains a control character");
    }
    if (!Repository.isValidRefName("refs/heads/" + branch) || branch.contains("..")) {
      throw new IllegalArgumentException(
          "'"
              + branch
              + "' is not a valid branch name (git check-ref-format: no '..', spaces, '~^:?*[\\',"
              + " '@{', leading '-' or '.', trailing '/', '.' or '.lock')");
    }
    if (branch.startsWith("-")) {
      throw new IllegalArgumentException("branch name '" + branch + "' may not start with '-'");
    }
    return branch;
  }

  /** Agent ids appear in branches, labels and e-mail addresses: lower-case words and dashes. */
  public static String requireValidAgentId(String agentId) {
    if (agentId == null || !agentId.matches("[a-z0-9][a-z0-9-]{0,62}")) {
      throw new IllegalArgumentException(
          "agent id '" + printable(agentId) + "' must be lower-case letters, digits and '-'");
    }
    return agentId;
  }

  /** Titles and descriptions: one line of text, no control characters. */
  public static String requireSingleLine(String what, String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(what + " is required");
    }
    if (hasControlCharacter(text)) {
      throw new IllegalArgumentException(what + " contains a line break or control character");
    }
    if (text.length() > 200) {
      throw new IllegalArgumentException(what + " is longer than 200 characters");
    }
    return text.trim();
  }

  /** A path inside the repository: relative, no {@code ..} or {@code .git} component. */
  public static String requireValidPath(String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("a file path is required");
    }
    if (hasControlCharacter(path) || path.contains("\\")) {
      throw new IllegalArgumentException(
          "file path '" + printable(path) + "' contains a control character or '\\'");
    }
    if (path.startsWith("/") || path.endsWith("/")) {
      throw new IllegalArgumentException(
          "file path '" + path + "' must be relative to the repository root");
    }
    for (String part : path.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        throw new IllegalArgumentException(
            "file path '" + path + "' has an empty, '.' or '..' part");
      }
      if (part.equalsIgnoreCase(".git")) {
        throw new IllegalArgumentException("file path '" + path + "' points into .git");
      }
    }
    return path;
  }

  /** A branch-safe slug of a title: lower-case ASCII words joined by dashes. */
  public static String slug(String title) {
    String ascii =
        Normalizer.normalize(title, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > SLUG_MAX) {
      slug = slug.substring(0, SLUG_MAX).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "change" : slug;
  }

  private static boolean hasControlCharacter(String s) {
    return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
  }

  private static String printable(String s) {
    return s == null ? "null" : s.replaceAll("\\p{Cntrl}", "?");
  }
}
