package dev.gitopscrew.cli;

import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.session.RequestOutcome;
import dev.gitopscrew.session.SessionView;
import java.util.List;
import java.util.Optional;

/**
 * What the session commands need, either from the gateway running on the state directory or, when
 * none runs, from the store opened in this process.
 */
interface Sessions extends AutoCloseable {

  RequestOutcome ask(String text, Optional<String> agent) throws Exception;

  List<SessionView> list(boolean all);

  /** The tree of the session's root, root first; empty when there is no such session. */
  List<SessionView> tree(long id);

  /** How many sessions cancelling {@code id} ended; empty when there is no such session. */
  Optional<Integer> cancel(long id);

  @Override
  void close();

  ChannelScope CLI = ChannelScope.unrestricted("the command line");
}
