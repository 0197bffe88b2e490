package dev.gitopscrew.git;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.TagOpt;

/**
 * The tags of a repository as releases use them, on its cached clone: the remote's tags and the
 * history between them, and annotated tags pushed without force. No JGit type crosses it.
 */
public final class Tags {

  private final Mirror mirror;

  Tags(Mirror mirror) {
    this.mirror = mirror;
  }

  /**
   * Fetches every branch and every tag (the tags into {@code refs/origin-tags/*}, deleted ones
   * removed): the default branch's tip and the remote's tags.
   */
  public TagSnapshot fetch() {
    synchronized (mirror) {
      return fetchLocked();
    }
  }

  private TagSnapshot fetchLocked() {
    try {
      Git.wrap(mirror.repository())
          .fetch()
          .setRemote("origin")
          .setRefSpecs(
              new RefSpec("+" + Constants.R_HEADS + "*:" + Mirror.TRACKING + "*"),
              new RefSpec("+" + Constants.R_TAGS + "*:" + Mirror.REMOTE_TAGS + "*"))
          .setTagOpt(TagOpt.NO_TAGS)
          .setRemoveDeletedRefs(true)
          .setCredentialsProvider(mirror.credentials().provider())
          .call();
    } catch (GitAPIException | RuntimeException e) {
      throw mirror.failure("fetch the tags of " + mirror.spec().url(), e);
    }
    ObjectId head =
        mirror
            .remoteBranch(mirror.spec().defaultBranch())
            .orElseThrow(
                () ->
                    new GitWorkflowException(
                        "the default branch '"
                            + mirror.spec().defaultBranch()
                            + "' does not exist on "
                            + mirror.spec().url()));
    List<Tag> tags = new ArrayList<>();
    try (RevWalk walk = new RevWalk(mirror.repository())) {
      RevCommit tip = walk.parseCommit(head);
      for (Ref ref : mirror.repository().getRefDatabase().getRefsByPrefix(Mirror.REMOTE_TAGS)) {
        tags.add(
            tag(
                walk,
                tip,
                ref.getName().substring(Mirror.REMOTE_TAGS.length()),
                ref.getObjectId()));
      }
    } catch (IOException e) {
      throw mirror.failure("read the tags of " + mirror.spec().name(), e);
    }
    return new TagSnapshot(head.name(), tags);
  }

  private static Tag tag(RevWalk walk, RevCommit tip, String name, ObjectId id) throws IOException {
    RevObject object = walk.parseAny(id);
    RevTag annotated = object instanceof RevTag t ? t : null;
    RevObject peeled = walk.peel(object);
    if (!(peeled instanceof RevCommit)) {
      return new Tag(name, peeled.name(), annotated != null, null, null, false);
    }
    RevCommit commit = walk.parseCommit(peeled);
    PersonIdent tagger = annotated == null ? null : annotated.getTaggerIdent();
    Instant time =
        tagger != null ? tagger.getWhenAsInstant() : Instant.ofEpochSecond(commit.getCommitTime());
    boolean onDefault = walk.isMergedInto(commit, tip);
    walk.reset();
    return new Tag(
        name,
        commit.name(),
        annotated != null,
        tagger == null ? null : tagger.getName() + " <" + tagger.getEmailAddress() + ">",
        time,
        onDefault);
  }

  /** The commits in the history of {@code to} and not of {@code from} (every one when null). */
  public Set<String> commitsBetween(String from, String to) {
    Set<String> out = new HashSet<>();
    try (RevWalk walk = new RevWalk(mirror.repository())) {
      walk.markStart(walk.parseCommit(ObjectId.fromString(to)));
      if (from != null) {
        walk.markUninteresting(walk.parseCommit(ObjectId.fromString(from)));
      }
      for (RevCommit c : walk) {
        out.add(c.name());
      }
    } catch (IOException | IllegalArgumentException e) {
      throw mirror.failure("walk the history from " + from + " to " + to, e);
    }
    return out;
  }

  /**
   * The subject (first line) of each commit on the first-parent line from {@code to} back to {@code
   * from} (excluded; the whole line when null): on a default branch, one per merge.
   */
  public List<String> firstParentSubjects(String from, String to) {
    List<String> out = new ArrayList<>();
    try (RevWalk walk = new RevWalk(mirror.repository())) {
      walk.setFirstParent(true);
      walk.markStart(walk.parseCommit(ObjectId.fromString(to)));
      if (from != null) {
        walk.markUninteresting(walk.parseCommit(ObjectId.fromString(from)));
      }
      for (RevCommit c : walk) {
        out.add(c.getShortMessage());
      }
    } catch (IOException | IllegalArgumentException e) {
      throw mirror.failure("walk the history from " + from + " to " + to, e);
    }
    return out;
  }

  /** Whether {@code commit} is in the history of {@code tip}; false for a commit not fetched. */
  public boolean isAncestor(String commit, String tip) {
    try (RevWalk walk = new RevWalk(mirror.repository())) {
      ObjectId id = ObjectId.fromString(commit);
      if (!mirror.repository().getObjectDatabase().has(id)) {
        return false;
      }
      return walk.isMergedInto(walk.parseCommit(id), walk.parseCommit(ObjectId.fromString(tip)));
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Creates an annotated tag of {@code commit} by {@code agentId}'s identity and pushes it without
   * force: a tag of that name on the remote is never replaced (one on the same commit is taken as
   * this one, made by an earlier attempt).
   *
   * @return the tag as the remote has it now
   */
  public Tag push(String name, String commit, Footprint footprint, String agentId, String message) {
    synchronized (mirror) {
      return pushLocked(name, commit, footprint, agentId, message);
    }
  }

  private Tag pushLocked(
      String name, String commit, Footprint footprint, String agentId, String message) {
    String ref = Constants.R_TAGS + name;
    if (!Repository.isValidRefName(ref)) {
      throw new GitWorkflowException("'" + name + "' is not a valid tag name");
    }
    ObjectId tagId;
    try (ObjectInserter inserter = mirror.repository().newObjectInserter()) {
      TagBuilder tag = new TagBuilder();
      tag.setTag(name);
      tag.setObjectId(ObjectId.fromString(commit), Constants.OBJ_COMMIT);
      tag.setTagger(footprint.author(agentId));
      tag.setMessage(message.endsWith("\n") ? message : message + "\n");
      tagId = inserter.insert(tag);
      inserter.flush();
    } catch (IOException e) {
      throw mirror.failure("create tag " + name, e);
    }
    RemoteRefUpdate.Status status = mirror.push(tagId.name() + ":" + ref, ref);
    Optional<Tag> remote =
        fetchLocked().tags().stream().filter(t -> t.name().equals(name)).findFirst();
    if (remote.isPresent() && remote.get().commit().equals(commit)) {
      return remote.get();
    }
    throw new GitWorkflowException(
        "tag "
            + name
            + " was not pushed to "
            + mirror.spec().url()
            + " ("
            + status
            + remote.map(t -> "; the remote's " + name + " is on " + t.commit()).orElse("")
            + "); a tag is never moved");
  }
}
