package dev.gitopscrew.release;

import dev.gitopscrew.git.testing.BareRepos;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;

/** Tags of a bare repository as a person makes and reads them. */
final class TestTags {

  private TestTags() {}

  /** An annotated tag made on the remote by {@code tagger} (a person, or an earlier cut). */
  static void annotate(Path bare, String name, String commit, PersonIdent tagger)
      throws IOException {
    try (Repository repo = BareRepos.open(bare);
        ObjectInserter inserter = repo.newObjectInserter()) {
      TagBuilder tag = new TagBuilder();
      tag.setTag(name);
      tag.setObjectId(ObjectId.fromString(commit), Constants.OBJ_COMMIT);
      tag.setTagger(tagger);
      tag.setMessage("Release " + name + "\n");
      ObjectId id = inserter.insert(tag);
      inserter.flush();
      RefUpdate update = repo.updateRef(Constants.R_TAGS + name);
      update.setNewObjectId(id);
      update.update();
    }
  }

  /** Tag name to {@code commit tagger-name} as the remote has them. */
  static Map<String, String> all(Path bare) {
    Map<String, String> out = new TreeMap<>();
    try (Repository repo = BareRepos.open(bare);
        RevWalk walk = new RevWalk(repo)) {
      for (Ref ref : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
        RevObject object = walk.parseAny(ref.getObjectId());
        String tagger = object instanceof RevTag t ? t.getTaggerIdent().getName() : "(lightweight)";
        out.put(
            ref.getName().substring(Constants.R_TAGS.length()),
            walk.peel(object).name() + " " + tagger);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  static String message(Path bare, String name) throws IOException {
    return tag(bare, name).getFullMessage();
  }

  /** {@code name <email>} of an annotated tag's tagger. */
  static String tagger(Path bare, String name) throws IOException {
    PersonIdent p = tag(bare, name).getTaggerIdent();
    return p.getName() + " <" + p.getEmailAddress() + ">";
  }

  private static RevTag tag(Path bare, String name) throws IOException {
    try (Repository repo = BareRepos.open(bare);
        RevWalk walk = new RevWalk(repo)) {
      RevTag tag = walk.parseTag(repo.exactRef(Constants.R_TAGS + name).getObjectId());
      walk.parseBody(tag);
      return tag;
    }
  }
}
