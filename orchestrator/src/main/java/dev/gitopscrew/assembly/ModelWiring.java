package dev.gitopscrew.assembly;

import dev.gitopscrew.config.CrewConfig;
import dev.gitopscrew.effect.Redactor;
import dev.gitopscrew.git.RepositoryReader;
import dev.gitopscrew.model.ConversationMemory;
import dev.gitopscrew.model.Cooldowns;
import dev.gitopscrew.model.FallbackChain;
import dev.gitopscrew.model.Instructions;
import dev.gitopscrew.model.McpFunctions;
import dev.gitopscrew.model.ModelPlanner;
import dev.gitopscrew.model.ModelProviders;
import dev.gitopscrew.model.RepositoryFunctions;
import dev.gitopscrew.model.ToolCallDoor;
import dev.gitopscrew.model.adapters.ModelAdapters;
import dev.gitopscrew.roles.Prerequisite;
import dev.gitopscrew.roles.Routing;
import dev.gitopscrew.roles.ask.Planner;
import dev.gitopscrew.settings.CrewContext;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/** The model side of the crew: providers, their fallback chain and the planner free text uses. */
final class ModelWiring {

  private ModelWiring() {}

  /** Whether free text can be planned: some agent has a model. */
  static Prerequisite capability(CrewContext context) {
    return ModelProviders.anyModel(context.loaded().config())
        ? Prerequisite.configured("model providers")
        : Prerequisite.missing(
            "model providers",
            "free text needs a model: set agents.defaults.model (docs/models.md); structured"
                + " requests work without one");
  }

  /**
   * Why free text an agent answers cannot be planned, in words naming the real cause; empty when
   * one of its models resolves. Contacts nothing.
   */
  static java.util.function.Function<dev.gitopscrew.roles.KnownAgent, java.util.Optional<String>>
      noFreeText(CrewContext context) {
    ModelProviders providers =
        new ModelProviders(context.loaded().config(), context.env(), endpoint -> null);
    return providers::whyNoModel;
  }

  static Planner planner(
      CrewContext context,
      Redactor redactor,
      Supplier<Routing> routing,
      ToolCallDoor.Approvals approvals,
      RepositoryReader repositories,
      ConversationMemory memory,
      McpFunctions mcp) {
    CrewConfig config = context.loaded().config();
    if (!ModelProviders.anyModel(config)) {
      return Planner.none();
    }
    Clock clock = Clock.systemUTC();
    ModelProviders providers =
        new ModelProviders(config, context.env(), ModelAdapters.byApi(clock));
    FallbackChain chain =
        new FallbackChain(
            providers,
            new Cooldowns(clock),
            clock,
            pause -> Thread.sleep(pause.toMillis()),
            Duration.ofSeconds(config.models().requestTimeoutSecondsOrDefault()),
            redactor);
    return new ModelPlanner(
        providers,
        chain,
        new Instructions(context.permissions(), context.skills()),
        new ToolCallDoor(
            context.permissions(),
            routing,
            approvals,
            redactor,
            new RepositoryFunctions(repositories, context.permissions(), redactor),
            mcp),
        clock,
        Duration.ofSeconds(config.models().retryBudgetSecondsOrDefault()),
        redactor,
        memory);
  }
}
