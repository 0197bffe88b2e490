package dev.gitopscrew.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The files of a local directory as they are on disk (a work tree, or any folder), listed once and
 * read when asked for. {@code .git} folders are left out; symbolic links are not followed.
 */
public final class DirectoryFiles implements RepositoryFiles {

  /** What {@link #commit()} says: the files are not one commit. */
  public static final String ON_DISK = "on-disk";

  private final Path root;
  private final List<String> paths;
  private final Set<String> known;

  private DirectoryFiles(Path root, List<String> paths) {
    this.root = root;
    this.paths = List.copyOf(paths);
    this.known = Set.copyOf(paths);
  }

  /** Lists {@code root}; fails with the reason when it is not a readable directory. */
  public static DirectoryFiles of(Path root) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("not a directory: " + root);
    }
    List<String> paths = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return dir.getFileName() != null && dir.getFileName().toString().equals(".git")
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile()) {
                paths.add(root.relativize(file).toString().replace('\\', '/'));
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
    paths.sort(null);
    return new DirectoryFiles(root, paths);
  }

  public Path root() {
    return root;
  }

  @Override
  public String commit() {
    return ON_DISK;
  }

  @Override
  public List<String> paths() {
    return paths;
  }

  @Override
  public Optional<byte[]> read(String path) {
    if (!known.contains(path)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readAllBytes(root.resolve(path)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
