package dev.gitopscrew.model;

import dev.gitopscrew.effect.Redactor;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.request.Ask;
import dev.gitopscrew.roles.ActionFailedException;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.roles.ask.Planner;
import dev.gitopscrew.roles.work.Assignment;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Free text planned by the agent's models: the agent's skills and the channel's {@code
 * systemPrompt} are the instructions, the functions offered are exactly what the permission chain
 * lets the agent do in that channel, and every call goes through {@link ToolCallDoor} (the chain
 * again, approvals, the session limits). The turn is bounded in rounds and in retry time; the
 * session keeps the models that answered, the tokens and the tool calls.
 */
public final class ModelPlanner implements Planner {

  private static final org.jboss.logging.Logger LOG =
      org.jboss.logging.Logger.getLogger(ModelPlanner.class);

  /** Rounds of tool calls in one turn; the last round offers no tools, so the model must answer. */
  static final int MAX_ROUNDS = 6;

  /** Tool calls in one turn, across rounds. */
  static final int MAX_CALLS = 12;

  /** What the session keeps of a turn. */
  public record TurnRecord(
      String planner,
      String model,
      List<String> models,
      long promptTokens,
      long completionTokens,
      List<ToolCallDoor.Outcome> toolCalls,
      List<FallbackChain.Attempt> failedAttempts,
      String place,
      List<ConversationMemory.Turn> memory) {}

  private final ModelProviders providers;
  private final FallbackChain chain;
  private final Instructions instructions;
  private final ToolCallDoor door;
  private final Clock clock;
  private final Duration retryBudget;
  private final Redactor redactor;
  private final ConversationMemory memory;

  public ModelPlanner(
      ModelProviders providers,
      FallbackChain chain,
      Instructions instructions,
      ToolCallDoor door,
      Clock clock,
      Duration retryBudget,
      Redactor redactor) {
    this(providers, chain, instructions, door, clock, retryBudget, redactor, null);
  }

  /** As above, remembering the turns of each place in {@code memory} ({@code null}: none). */
  public ModelPlanner(
      ModelProviders providers,
      FallbackChain chain,
      Instructions instructions,
      ToolCallDoor door,
      Clock clock,
      Duration retryBudget,
      Redactor redactor,
      ConversationMemory memory) {
    this.memory = memory;
    this.providers = providers;
    this.chain = chain;
    this.instructions = instructions;
    this.door = door;
    this.clock = clock;
    this.retryBudget = retryBudget;
    this.redactor = redactor;
  }

  @Override
  public Answer answer(Ask ask, Assignment assignment, Delegate delegate)
      throws InterruptedException {
    KnownAgent agent =
        Optional.ofNullable(ask.agent()).flatMap(KnownAgent::byId).orElse(KnownAgent.HOMELAB_ADMIN);
    ChannelScope scope =
        new ChannelScope(
            ask.scopeLabel() == null ? assignment.origin().channel() : ask.scopeLabel(),
            Optional.ofNullable(ask.scope()),
            Optional.empty(),
            Boolean.TRUE.equals(ask.scopeDelegates()));
    List<String> refs = providers.refsFor(agent);
    if (refs.isEmpty()) {
      throw new ActionFailedException(
          "no model for "
              + agent.id()
              + ": set agents.defaults.model or its own model (docs/models.md); structured"
              + " requests work without one");
    }
    List<RequestTools.Function> offered = door.offered(agent, scope);
    List<ToolSpec> reads = door.reads(agent, scope);
    List<ToolSpec> specs =
        new ArrayList<>(offered.stream().map(RequestTools.Function::spec).toList());
    specs.addAll(reads);
    List<ModelMessage> messages = new ArrayList<>();
    messages.add(
        new ModelMessage.System(
            instructions.text(agent, scope, ask.instructions(), offered, reads)));
    String place = ConversationMemory.placeOf(ask, assignment.origin());
    List<ConversationMemory.Turn> remembered = recall(place);
    messages.addAll(Remembered.messages(remembered));
    messages.add(new ModelMessage.User(ask.text()));
    List<ConversationMemory.Started> started = new ArrayList<>();
    Planner.Delegate tracked = Remembered.tracking(delegate, started);
    FallbackChain.Budget budget = new FallbackChain.Budget(clock, retryBudget);
    List<String> answered = new ArrayList<>();
    List<FallbackChain.Attempt> failed = new ArrayList<>();
    List<ToolCallDoor.Outcome> calls = new ArrayList<>();
    ModelReply.Usage usage = ModelReply.Usage.NONE;
    for (int round = 1; ; round++) {
      boolean last = round >= MAX_ROUNDS || calls.size() >= MAX_CALLS;
      FallbackChain.Answered a;
      try {
        a =
            chain.complete(
                refs, new ModelCall("", messages, last ? List.of() : specs, Duration.ZERO), budget);
      } catch (FallbackChain.Exhausted e) {
        throw new ActionFailedException(failure(e, calls));
      }
      failed.addAll(a.attempts());
      if (!answered.contains(a.model())) {
        answered.add(a.model());
      }
      usage = usage.plus(a.reply().usage());
      List<ToolCall> proposed = a.reply().toolCalls();
      if (proposed.isEmpty() || last) {
        TurnRecord record =
            new TurnRecord(
                agent.id(),
                a.model(),
                answered,
                usage.prompt(),
                usage.completion(),
                calls,
                failed,
                place,
                remembered);
        String answer = text(a.reply().text(), calls);
        remember(place, assignment.sessionId(), ask.text(), answer, started, calls);
        return new Answer(answer, record);
      }
      messages.add(new ModelMessage.Assistant(a.reply().text(), proposed));
      for (ToolCall call : proposed) {
        ToolCallDoor.Outcome outcome =
            calls.size() >= MAX_CALLS
                ? ToolCallDoor.Outcome.refused(
                    call, "refused: this turn has made " + MAX_CALLS + " tool calls already")
                : door.call(call, agent, scope, offered, assignment, tracked);
        calls.add(outcome);
        messages.add(new ModelMessage.ToolResult(call.id(), call.name(), outcome.report()));
      }
    }
  }

  private List<ConversationMemory.Turn> recall(String place) {
    if (memory == null) {
      return List.of();
    }
    try {
      return memory.recall(place);
    } catch (RuntimeException e) {
      LOG.warnf("conversation memory of %s not read: %s", place, e.getMessage());
      return List.of();
    }
  }

  private void remember(
      String place,
      long sessionId,
      String text,
      String answer,
      List<ConversationMemory.Started> started,
      List<ToolCallDoor.Outcome> calls) {
    if (memory == null) {
      return;
    }
    try {
      memory.remember(
          place,
          sessionId,
          redactor.redact(text),
          answer,
          Remembered.started(started, calls).stream()
              .map(s -> new ConversationMemory.Started(s.sessionId(), redactor.redact(s.line())))
              .toList());
    } catch (RuntimeException e) {
      LOG.warnf("conversation memory of %s not kept: %s", place, e.getMessage());
    }
  }

  /** The model's words, then what the tool calls really did, which no model can misreport. */
  private String text(String said, List<ToolCallDoor.Outcome> calls) {
    StringBuilder out = new StringBuilder(redactor.redact(said.strip()));
    if (!calls.isEmpty()) {
      out.append(out.length() == 0 ? "" : "\n").append("Tool calls:");
      for (ToolCallDoor.Outcome c : calls) {
        out.append("\n- ").append(c.summary());
      }
    }
    return out.toString();
  }

  private String failure(FallbackChain.Exhausted e, List<ToolCallDoor.Outcome> calls) {
    Optional<ModelFailure> last = e.last();
    String head =
        last.isPresent() && last.get().kind() == ModelFailure.Kind.REFUSED
            ? "the model declined: " + e.getMessage()
            : e.getMessage()
                + ". Structured requests still work without a model: "
                + String.join(
                    ", ",
                    dev.gitopscrew.roles.catalogue.RequestCatalogue.standard()
                        .offeredAt(dev.gitopscrew.roles.catalogue.Door.ASK)
                        .stream()
                        .map(dev.gitopscrew.roles.catalogue.RequestKind::name)
                        .toList())
                + " (crew help requests)";
    StringBuilder out = new StringBuilder(redactor.redact(head));
    for (ToolCallDoor.Outcome c : calls) {
      out.append("\n- ").append(c.summary());
    }
    return out.toString();
  }
}
