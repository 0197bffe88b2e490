package dev.gitopscrew.cli;

import dev.gitopscrew.effect.AuditRecord;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code crew audit}: the audit trail, all of it or one session's subtree. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "The audit trail: every push, forge write, cluster write and chat post, with the request,",
      "session, agent, channel and requester behind it and the artifact it made."
    })
final class AuditCommand extends BaseCommand {

  @Option(
      names = "--session",
      paramLabel = "ID",
      description = "only this session and the sessions below it")
  Long session;

  @Option(names = "--limit", paramLabel = "N", description = "the newest N records (default 100)")
  int limit = 100;

  @Option(names = "--json", description = "print JSON")
  boolean json;

  @Override
  public Integer call() {
    try (Sessions sessions = SessionCommands.open(context.load(env), err())) {
      Optional<List<AuditRecord>> records =
          session == null
              ? Optional.of(sessions.latestEffects(Math.max(1, limit)))
              : sessions.effects(session);
      if (records.isEmpty()) {
        err().println("error: no session " + session);
        return CrewCli.FAILED;
      }
      if (json) {
        SessionPrinter.json(out(), records.get());
        return CrewCli.OK;
      }
      if (records.get().isEmpty()) {
        out().println("No effects recorded.");
      }
      for (AuditRecord r : records.get()) {
        out()
            .println(
                r.at()
                    + " request #"
                    + r.requestId()
                    + " session #"
                    + r.sessionId()
                    + " "
                    + r.agent()
                    + " ("
                    + r.channel()
                    + ", "
                    + r.requester()
                    + ") "
                    + r.describe());
      }
      return CrewCli.OK;
    }
  }
}
