package dev.gitopscrew.git.change;

import dev.gitopscrew.git.Mirror;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;

/** How the change's commit is made on top of its parent: the files, or a revert. */
@FunctionalInterface
interface CommitMaker {

  /** The new commit, or empty when it would change nothing; a conflict names the files. */
  Optional<ObjectId> make(Mirror mirror, ObjectId parent, PersonIdent author, String message);

  /** The request's files committed as they are. */
  static CommitMaker files(ChangeRequest request) {
    return (mirror, parent, author, message) ->
        mirror.commit(parent, request.files(), author, message);
  }
}
