package dev.gitopscrew.roles.validate;

import dev.gitopscrew.git.RepositoryFiles;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Some of a commit's files: reading the base side of a change needs only the changed ones. */
record OnlyFiles(RepositoryFiles files, Set<String> only) implements RepositoryFiles {

  @Override
  public String commit() {
    return files.commit();
  }

  @Override
  public List<String> paths() {
    return files.paths().stream().filter(only::contains).toList();
  }

  @Override
  public Optional<byte[]> read(String path) {
    return only.contains(path) ? files.read(path) : Optional.empty();
  }
}
