package dev.gitopscrew.git;

import java.util.List;
import org.eclipse.jgit.lib.ObjectId;

/** The end of {@code Mirror#pushFresh}: the branch is on the remote, or a conflict stopped it. */
public sealed interface PushOutcome {

  record Pushed(String branch, ObjectId head) implements PushOutcome {}

  record Conflicted(String branch, List<String> files) implements PushOutcome {}
}
