package dev.gitopscrew.git;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The files of one commit of a repository, read on demand from the cached clone. */
public interface RepositoryFiles {

  /** The commit these files belong to (its SHA). */
  String commit();

  /** Every file path, sorted. */
  List<String> paths();

  /** The content of a file, if it exists. */
  Optional<byte[]> read(String path);

  default Optional<String> readText(String path) {
    return read(path).map(b -> new String(b, StandardCharsets.UTF_8));
  }
}
