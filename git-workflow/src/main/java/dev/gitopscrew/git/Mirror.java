package dev.gitopscrew.git;

import dev.failsafe.Failsafe;
import dev.gitopscrew.retry.Retries;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ResolveMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * The cached clone of one repository: a bare repository under the state directory whose {@code
 * refs/remotes/origin/*} follow the remote. Commits and merges are built in memory (no working tree
 * to check out), so a change costs the objects it adds, not the size of the repository.
 */
public final class Mirror implements AutoCloseable {

  static final String TRACKING = "refs/remotes/origin/";
  // the remote's tags, kept apart from local ones so that they follow the remote exactly
  static final String REMOTE_TAGS = "refs/origin-tags/";

  private final RepositorySpec spec;
  private final Repository repo;
  private final GitCredentials credentials;
  private final boolean created;

  private Mirror(
      RepositorySpec spec, Repository repo, GitCredentials credentials, boolean created) {
    this.spec = spec;
    this.repo = repo;
    this.credentials = credentials;
    this.created = created;
  }

  static Mirror open(Path dir, RepositorySpec spec, GitCredentials credentials) {
    try {
      Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
      boolean created = !repo.getObjectDatabase().exists();
      if (created) {
        repo.create(true);
      }
      StoredConfig config = repo.getConfig();
      if (!spec.url().equals(config.getString("remote", "origin", "url"))) {
        config.setString("remote", "origin", "url", spec.url());
        config.setString("remote", "origin", "fetch", "+refs/heads/*:" + TRACKING + "*");
        config.save();
      }
      return new Mirror(spec, repo, credentials, created);
    } catch (IOException e) {
      throw new GitWorkflowException(
          "cannot open the cached clone of " + spec.name() + " at " + dir, e);
    }
  }

  /** True when this process created the cached clone (the first task on the repository). */
  public boolean created() {
    return created;
  }

  public Repository repository() {
    return repo;
  }

  public RepositorySpec spec() {
    return spec;
  }

  /** Fetches every branch and returns the tip of the default branch. */
  public synchronized ObjectId fetch() {
    try {
      Git.wrap(repo)
          .fetch()
          .setRemote("origin")
          .setRemoveDeletedRefs(true)
          .setCredentialsProvider(credentials.provider())
          .call();
    } catch (GitAPIException | RuntimeException e) {
      throw failure("fetch from " + spec.url(), e);
    }
    return remoteBranch(spec.defaultBranch())
        .orElseThrow(
            () ->
                new GitWorkflowException(
                    "the default branch '"
                        + spec.defaultBranch()
                        + "' does not exist on "
                        + spec.url()));
  }

  /** The tip of {@code branch} on the remote as of the last fetch or push. */
  public Optional<ObjectId> remoteBranch(String branch) {
    try {
      Ref ref = repo.exactRef(TRACKING + branch);
      return Optional.ofNullable(ref).map(Ref::getObjectId);
    } catch (IOException e) {
      throw failure("read " + branch, e);
    }
  }

  /** The files of {@code commit}, listed now and read when asked for. */
  public RepositoryFiles files(ObjectId commit) {
    return Revisions.files(repo, commit);
  }

  /**
   * What {@code head} (named {@code headName}) changed since {@code base}: a branch of the remote,
   * a tag or a commit; null means the head's first parent. Fetch first.
   */
  public ChangedFiles changes(String base, ObjectId head, String headName) {
    ObjectId from;
    String baseName = base;
    if (base == null) {
      from =
          Revisions.parent(repo, head)
              .orElseThrow(
                  () -> new GitWorkflowException(headName + " has a single commit; name a base"));
      baseName = headName + "~1";
    } else {
      from =
          Revisions.resolve(repo, base, TRACKING)
              .orElseThrow(
                  () ->
                      new GitWorkflowException(
                          "no branch, tag or commit '" + base + "' in " + spec.name()));
    }
    return Revisions.between(repo, from, baseName, head, headName, java.util.Set.of(spec.url()));
  }

  /**
   * The newest commits on the first-parent line from {@code head} whose change (against their first
   * parent) touches {@code path} (a file or folder; empty means anything), newest first.
   */
  public List<CommitInfo> history(ObjectId head, String path, int max) {
    List<CommitInfo> out = new java.util.ArrayList<>();
    try (RevWalk walk = new RevWalk(repo)) {
      walk.setFirstParent(true);
      walk.markStart(walk.parseCommit(head));
      for (RevCommit c : walk) {
        if (out.size() >= max) {
          break;
        }
        if (path.isEmpty() || touches(c, path)) {
          List<String> parents = new java.util.ArrayList<>();
          for (RevCommit p : c.getParents()) {
            parents.add(p.name());
          }
          out.add(
              new CommitInfo(
                  c.name(),
                  c.getAuthorIdent().getName(),
                  c.getAuthorIdent().getWhenAsInstant(),
                  c.getShortMessage(),
                  parents));
        }
      }
    } catch (IOException e) {
      throw failure("read the history of " + spec.name(), e);
    }
    return out;
  }

  private boolean touches(RevCommit c, String path) throws IOException {
    try (org.eclipse.jgit.treewalk.TreeWalk tw = new org.eclipse.jgit.treewalk.TreeWalk(repo)) {
      tw.setRecursive(true);
      tw.setFilter(
          org.eclipse.jgit.treewalk.filter.AndTreeFilter.create(
              org.eclipse.jgit.treewalk.filter.PathFilter.create(path),
              org.eclipse.jgit.treewalk.filter.TreeFilter.ANY_DIFF));
      if (c.getParentCount() == 0) {
        tw.addTree(new org.eclipse.jgit.treewalk.EmptyTreeIterator());
      } else {
        try (RevWalk w = new RevWalk(repo)) {
          tw.addTree(w.parseCommit(c.getParent(0)).getTree());
        }
      }
      tw.addTree(c.getTree());
      return tw.next();
    }
  }

  /** The paths {@code commit} changed against its first parent. */
  public List<String> changedPaths(ObjectId commit) {
    List<String> out = new java.util.ArrayList<>();
    try (RevWalk walk = new RevWalk(repo);
        org.eclipse.jgit.treewalk.TreeWalk tw = new org.eclipse.jgit.treewalk.TreeWalk(repo)) {
      RevCommit c = walk.parseCommit(commit);
      tw.setRecursive(true);
      tw.setFilter(org.eclipse.jgit.treewalk.filter.TreeFilter.ANY_DIFF);
      if (c.getParentCount() == 0) {
        tw.addTree(new org.eclipse.jgit.treewalk.EmptyTreeIterator());
      } else {
        tw.addTree(walk.parseCommit(c.getParent(0)).getTree());
      }
      tw.addTree(c.getTree());
      while (tw.next()) {
        out.add(tw.getPathString());
      }
    } catch (IOException e) {
      throw failure("read the changes of " + commit.name(), e);
    }
    return out;
  }

  /** The commit a SHA (or an unambiguous prefix) names, if the cached clone has it. */
  public Optional<ObjectId> resolve(String sha) {
    try {
      return Optional.ofNullable(repo.resolve(sha + "^{commit}"));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * A commit on {@code head} that reverts {@code commit} (a merge is reverted against its first
   * parent, as {@code git revert -m 1} does): the new commit, or the files that conflict.
   */
  public synchronized Freshness revert(
      ObjectId head, ObjectId commit, PersonIdent author, String message) {
    try (ObjectInserter inserter = repo.newObjectInserter();
        RevWalk walk = new RevWalk(repo)) {
      RevCommit ours = walk.parseCommit(head);
      RevCommit reverted = walk.parseCommit(commit);
      if (reverted.getParentCount() == 0) {
        throw new GitWorkflowException("cannot revert the first commit " + commit.name());
      }
      RevCommit mainline = walk.parseCommit(reverted.getParent(0));
      ResolveMerger merger = merger(repo, inserter);
      merger.setBase(reverted.getTree());
      if (!merger.merge(ours, mainline)) {
        return new Freshness.Conflict(conflicts(merger));
      }
      if (merger.getResultTreeId().equals(ours.getTree())) {
        return new Freshness.UpToDate(head);
      }
      ObjectId created = insertCommit(inserter, merger.getResultTreeId(), author, message, ours);
      inserter.flush();
      return new Freshness.Merged(created);
    } catch (IOException e) {
      throw failure("revert " + commit.name(), e);
    }
  }

  /**
   * Writes {@code files} on top of {@code parent} as one commit by {@code author}; empty when the
   * files already have this content there.
   */
  public synchronized Optional<ObjectId> commit(
      ObjectId parent, Map<String, byte[]> files, PersonIdent author, String message) {
    try (ObjectInserter inserter = repo.newObjectInserter();
        ObjectReader reader = inserter.newReader();
        RevWalk walk = new RevWalk(reader)) {
      RevCommit base = walk.parseCommit(parent);
      DirCache index = DirCache.newInCore();
      DirCacheBuilder builder = index.builder();
      builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, base.getTree());
      builder.finish();
      DirCacheEditor editor = index.editor();
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        String path = RefNames.requireValidPath(file.getKey());
        byte[] content = file.getValue();
        ObjectId blob = inserter.insert(Constants.OBJ_BLOB, content);
        editor.add(
            new DirCacheEditor.PathEdit(path) {
              @Override
              public void apply(DirCacheEntry entry) {
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(blob);
                entry.setLength(content.length);
              }
            });
      }
      editor.finish();
      ObjectId tree = index.writeTree(inserter);
      if (tree.equals(base.getTree())) {
        return Optional.empty();
      }
      ObjectId commit = insertCommit(inserter, tree, author, message, base);
      inserter.flush();
      return Optional.of(commit);
    } catch (IOException e) {
      throw failure("commit on " + parent.name(), e);
    }
  }

  /**
   * Merges {@code other} into {@code head} in memory: up to date, a merge commit, or the files that
   * conflict.
   */
  public synchronized Freshness merge(
      ObjectId head, ObjectId other, PersonIdent author, String message) {
    try (ObjectInserter inserter = repo.newObjectInserter();
        RevWalk walk = new RevWalk(repo)) {
      RevCommit ours = walk.parseCommit(head);
      RevCommit theirs = walk.parseCommit(other);
      if (walk.isMergedInto(theirs, ours)) {
        return new Freshness.UpToDate(head);
      }
      ResolveMerger merger = merger(repo, inserter);
      if (!merger.merge(ours, theirs)) {
        return new Freshness.Conflict(conflicts(merger));
      }
      ObjectId commit =
          insertCommit(inserter, merger.getResultTreeId(), author, message, ours, theirs);
      inserter.flush();
      return new Freshness.Merged(commit);
    } catch (IOException e) {
      throw failure("merge " + other.name() + " into " + head.name(), e);
    }
  }

  /** An in-memory recursive merger writing through {@code inserter}. */
  static ResolveMerger merger(Repository repo, ObjectInserter inserter) {
    return (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(inserter, repo.getConfig());
  }

  /** The files a failed in-memory merge left: those in conflict and those it could not write. */
  static List<String> conflicts(ResolveMerger merger) {
    TreeSet<String> files = new TreeSet<>(merger.getUnmergedPaths());
    if (merger.getFailingPaths() != null) {
      files.addAll(merger.getFailingPaths().keySet());
    }
    return List.copyOf(files);
  }

  /**
   * The freshness rule, then the push: fetch, merge the default branch (and anything pushed to the
   * branch meanwhile) into {@code head}, push without force; a rejected push starts over ({@link
   * Retries#gitPush}).
   */
  public synchronized PushOutcome pushFresh(String branch, ObjectId head, PersonIdent author) {
    RefNames.requireValidBranch(branch);
    if (branch.equals(spec.defaultBranch())) {
      throw new GitWorkflowException("refusing to push to the default branch " + branch);
    }
    // each attempt starts from what the last one merged
    ObjectId[] tip = {head};
    return Failsafe.with(Retries.<PushOutcome>gitPush())
        .get(() -> pushFreshOnce(branch, tip, author))
        .orElseThrow(
            () ->
                new GitWorkflowException(
                    "push of "
                        + branch
                        + " was rejected "
                        + Retries.GIT_PUSH_ATTEMPTS
                        + " times; the branch keeps moving"));
  }

  /** One attempt of {@link #pushFresh}: its outcome, or empty when the push was rejected. */
  private Optional<PushOutcome> pushFreshOnce(String branch, ObjectId[] tip, PersonIdent author) {
    ObjectId defaultTip = fetch();
    Optional<ObjectId> remote = remoteBranch(branch);
    if (remote.isPresent()) {
      Freshness theirs =
          merge(tip[0], remote.get(), author, "Merge remote branch '" + branch + "'");
      if (theirs instanceof Freshness.Conflict c) {
        return Optional.of(new PushOutcome.Conflicted(branch, c.files()));
      }
      tip[0] = headOf(theirs);
    }
    Freshness fresh =
        merge(
            tip[0],
            defaultTip,
            author,
            "Merge branch '" + spec.defaultBranch() + "' into " + branch);
    if (fresh instanceof Freshness.Conflict c) {
      return Optional.of(new PushOutcome.Conflicted(branch, c.files()));
    }
    tip[0] = headOf(fresh);
    if (remote.isPresent() && remote.get().equals(tip[0])) {
      return Optional.of(new PushOutcome.Pushed(branch, tip[0]));
    }
    RemoteRefUpdate.Status status =
        push(tip[0].name() + ":" + Constants.R_HEADS + branch, Constants.R_HEADS + branch);
    switch (status) {
      case OK, UP_TO_DATE:
        return Optional.of(new PushOutcome.Pushed(branch, tip[0]));
      case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED:
        return Optional.empty();
      default:
        throw new GitWorkflowException("push of " + branch + " to " + spec.url() + ": " + status);
    }
  }

  /** Deletes a branch on the remote (never the default branch). */
  public synchronized void deleteRemoteBranch(String branch) {
    if (RefNames.requireValidBranch(branch).equals(spec.defaultBranch())) {
      throw new GitWorkflowException("refusing to delete the default branch " + branch);
    }
    RemoteRefUpdate.Status status =
        push(":" + Constants.R_HEADS + branch, Constants.R_HEADS + branch);
    if (status != RemoteRefUpdate.Status.OK && status != RemoteRefUpdate.Status.NON_EXISTING) {
      throw new GitWorkflowException(
          "deleting branch " + branch + " on " + spec.url() + ": " + status);
    }
  }

  /** The remote's tags and annotated tags pushed to it (releases). */
  public Tags tags() {
    return new Tags(this);
  }

  /** The local forge's merge button on this repository. */
  public DefaultBranchMerge defaultBranchMerge() {
    return new DefaultBranchMerge(this);
  }

  GitCredentials credentials() {
    return credentials;
  }

  RemoteRefUpdate.Status push(String refSpec, String remoteRef) {
    try {
      Iterable<PushResult> results =
          Git.wrap(repo)
              .push()
              .setRemote("origin")
              .setRefSpecs(new RefSpec(refSpec))
              .setCredentialsProvider(credentials.provider())
              .call();
      for (PushResult result : results) {
        RemoteRefUpdate update = result.getRemoteUpdate(remoteRef);
        if (update != null) {
          return update.getStatus();
        }
      }
      throw new GitWorkflowException("push of " + remoteRef + " returned no result");
    } catch (GitAPIException | RuntimeException e) {
      if (e instanceof GitWorkflowException g) {
        throw g;
      }
      throw failure("push " + remoteRef + " to " + spec.url(), e);
    }
  }

  private static ObjectId headOf(Freshness f) {
    if (f instanceof Freshness.UpToDate u) {
      return u.head();
    }
    if (f instanceof Freshness.Merged m) {
      return m.head();
    }
    throw new IllegalStateException("a conflict has no head");
  }

  static ObjectId insertCommit(
      ObjectInserter inserter,
      ObjectId tree,
      PersonIdent author,
      String message,
      ObjectId... parents)
      throws IOException {
    CommitBuilder commit = new CommitBuilder();
    commit.setTreeId(tree);
    commit.setParentIds(parents);
    commit.setAuthor(author);
    commit.setCommitter(author);
    commit.setMessage(message.endsWith("\n") ? message : message + "\n");
    return inserter.insert(commit);
  }

  /** Wraps a JGit failure; the secret never travels in the message or the cause chain. */
  GitWorkflowException failure(String step, Exception e) {
    String detail = e.getMessage();
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      detail = detail + ": " + t.getMessage();
    }
    return new GitWorkflowException(
        "cannot " + credentials.redact(step) + " (" + credentials.redact(detail) + ")");
  }

  @Override
  public void close() {
    repo.close();
  }
}
