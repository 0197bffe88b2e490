package dev.gitopscrew.console;

import dev.gitopscrew.channel.Admission;
import dev.gitopscrew.channel.ChannelPolicy;
import dev.gitopscrew.config.CrewConfig;
import dev.gitopscrew.intake.RunRequest;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.permission.Decision;
import dev.gitopscrew.permission.PermissionChain;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.roles.Tool;
import dev.gitopscrew.roles.catalogue.Door;
import dev.gitopscrew.roles.catalogue.RequestKind;
import dev.gitopscrew.settings.CrewContext;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code /console/agents}: each agent's skills, tools and sub-agents, the skills and what they
 * grant, and for a chosen place (a Discord channel, the API, the console, the command line) and
 * user, what the permission chain decides for every request kind there, with the link that decides
 * it.
 */
@Path("/console/agents")
public class AgentsPage {

  @Inject CrewContext context;
  @Inject RunRequest runRequest;
  @Inject RoutingContext routing;

  private final ConsoleTemplate agents = new ConsoleTemplate("console/agents");

  public record Place(String value, String label) {}

  public record Verdict(String kind, String owner, String tool, boolean allowed, String why) {}

  @GET
  @Produces(MediaType.TEXT_HTML)
  public String show(@QueryParam("place") String place, @QueryParam("user") String user) {
    PermissionChain chain = runRequest.permissions();
    CrewConfig config = context.loaded().config();
    List<Place> places = places(config);
    String chosen = place == null || place.isBlank() ? "console" : place.strip();
    String who = user == null ? "" : user.strip();
    String admission = null;
    String approve = null;
    ChannelScope scope = ChannelScope.unrestricted(chosen);
    Door door = Door.API;
    if (chosen.startsWith("discord:")) {
      door = Door.CHAT;
      String[] ids = chosen.substring("discord:".length()).split("/", 2);
      ChannelPolicy policy = new ChannelPolicy(config.channels().discord(), chain.channelOwners());
      Admission admitted = policy.admitCommand(ids[0], ids.length > 1 ? ids[1] : "", who);
      if (admitted instanceof Admission.Admitted a) {
        scope = a.scope();
        admission = "taken in: " + scope.label();
      } else {
        admission = Admission.notTaken(((Admission.Ignored) admitted).reason());
        scope = null;
      }
      approve =
          policy.mayApprove(ids[0], ids.length > 1 ? ids[1] : "", who)
              ? "may approve and deny from this channel"
              : "may not approve from this channel (only users the channel or guild lists)";
    } else if (chosen.equals("cli")) {
      door = Door.COMMAND_LINE;
    }
    List<Verdict> verdicts = new ArrayList<>();
    for (RequestKind kind : runRequest.catalogue().offeredAt(door)) {
      verdicts.add(verdict(chain, scope, kind));
    }
    return ConsolePages.page(agents, "agents", routing)
        .data("profiles", chain.profiles())
        .data("skills", context.skills().all())
        .data("places", places)
        .data("place", chosen)
        .data("who", who)
        .data("admission", admission)
        .data("approve", approve)
        .data("verdicts", verdicts)
        .render();
  }

  private static Verdict verdict(PermissionChain chain, ChannelScope scope, RequestKind kind) {
    Tool tool = kind.tool();
    String owner = kind.owner().id();
    if (scope == null) {
      return new Verdict(kind.name(), owner, tool == null ? "" : tool.id(), false, "not taken in");
    }
    if (tool == null) {
      return new Verdict(kind.name(), owner, "", true, "needs no tool");
    }
    Decision d = chain.admit(KnownAgent.HOMELAB_ADMIN, kind.owner(), scope, tool);
    return d instanceof Decision.Allowed a
        ? new Verdict(kind.name(), owner, tool.id(), true, "granted by skill " + a.viaSkill())
        : new Verdict(kind.name(), owner, tool.id(), false, ((Decision.Refused) d).missingLink());
  }

  private static List<Place> places(CrewConfig config) {
    List<Place> discord = new ArrayList<>();
    config
        .channels()
        .discord()
        .guilds()
        .forEach(
            (guildId, guild) ->
                guild
                    .channels()
                    .keySet()
                    .forEach(
                        channelId ->
                            discord.add(
                                new Place(
                                    "discord:" + guildId + "/" + channelId,
                                    "Discord channel "
                                        + channelId
                                        + " of "
                                        + (guild.slug() == null ? guildId : guild.slug())))));
    return Stream.concat(
            Stream.of(
                new Place("console", "this console"),
                new Place("api", "the HTTP API"),
                new Place("cli", "the command line")),
            discord.stream())
        .toList();
  }
}
