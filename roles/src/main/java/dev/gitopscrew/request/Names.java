package dev.gitopscrew.request;

import java.util.regex.Pattern;

/** The validation every request shares for the names users type. */
final class Names {

  private static final Pattern K8S_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
  private static final Pattern REPO = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final Pattern MILESTONE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,99}");

  private Names() {}

  static String k8s(String what, String name) {
    if (name == null || !K8S_NAME.matcher(name).matches()) {
      throw new BadRequestException(
          "not a valid "
              + what
              + " (lowercase letters, digits, '-' and '.'): "
              + Quote.bounded(name));
    }
    return name;
  }

  static String repository(String name) {
    if (name == null || !REPO.matcher(name).matches() || name.contains("..")) {
      throw new BadRequestException(
          "not a repository name from the configuration: " + Quote.bounded(name));
    }
    return name;
  }

  static String milestone(String name) {
    if (name != null && !MILESTONE.matcher(name).matches()) {
      throw new BadRequestException("not a milestone name: " + Quote.bounded(name));
    }
    return name;
  }

  /** A folder inside a repository, as {@link #repoPath}; a trailing {@code /} is dropped. */
  static String repoDirectory(String path) {
    return repoPath(
        path != null && path.length() > 1 && path.endsWith("/")
            ? path.substring(0, path.length() - 1)
            : path);
  }

  /**
   * A path inside a repository: relative, no {@code ..}, {@code .git}, empty or {@code .} parts, no
   * control characters.
   */
  static String repoPath(String path) {
    if (path == null) {
      return null;
    }
    if (path.isBlank()
        || path.startsWith("/")
        || path.contains("\\")
        || java.util.Arrays.asList(path.split("/")).contains("..")
        || path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new BadRequestException("path must stay inside the repository: " + Quote.bounded(path));
    }
    java.util.List<String> parts = java.util.Arrays.asList(path.split("/", -1));
    if (parts.stream().anyMatch(p -> p.equalsIgnoreCase(".git"))) {
      throw new BadRequestException("path may not reach into .git: " + Quote.bounded(path));
    }
    if (parts.stream().anyMatch(p -> p.isEmpty() || p.equals("."))) {
      throw new BadRequestException(
          "path has an empty or '.' part (like a//b or a/./b): " + Quote.bounded(path));
    }
    return path;
  }

  static int number(String what, int value, int min, int max) {
    if (value < min || value > max) {
      throw new BadRequestException(
          what + " must be a number from " + min + " to " + max + ", got " + value);
    }
    return value;
  }

  static String required(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new BadRequestException("missing " + what);
    }
    return value;
  }
}
