package dev.gitopscrew.git.change;

import java.util.List;

/** Merging the default branch into the change conflicts; nothing was pushed. */
final class MergeConflict extends RuntimeException {

  final List<String> files;

  MergeConflict(String what, List<String> files) {
    super(what + " conflicts in " + String.join(", ", files));
    this.files = List.copyOf(files);
  }
}
