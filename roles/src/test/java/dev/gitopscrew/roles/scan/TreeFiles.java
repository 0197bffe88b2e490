package dev.gitopscrew.roles.scan;

import dev.gitopscrew.git.RepositoryFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A tree of files in memory, as a commit or the cached clone would give them. */
public record TreeFiles(Map<String, String> texts) implements RepositoryFiles {

  public static TreeFiles of(String... pathsAndTexts) {
    Map<String, String> texts = new TreeMap<>();
    for (int i = 0; i < pathsAndTexts.length; i += 2) {
      texts.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
    }
    return new TreeFiles(texts);
  }

  @Override
  public String commit() {
    return "0123456789abcdef0123456789abcdef01234567";
  }

  @Override
  public List<String> paths() {
    return List.copyOf(texts.keySet());
  }

  @Override
  public Optional<byte[]> read(String path) {
    return Optional.ofNullable(texts.get(path)).map(t -> t.getBytes(StandardCharsets.UTF_8));
  }
}
