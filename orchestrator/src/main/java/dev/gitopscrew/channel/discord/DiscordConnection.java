package dev.gitopscrew.channel.discord;

import dev.gitopscrew.channel.AcceptChatRequest;
import dev.gitopscrew.channel.AnswerChannelCommand;
import dev.gitopscrew.channel.ChatConnection;
import dev.gitopscrew.channel.ConnectionState;
import dev.gitopscrew.channel.DecideByButton;
import dev.gitopscrew.channel.DeliverChatReplies;
import dev.gitopscrew.channel.FollowAlertByName;
import dev.gitopscrew.channel.SlashCommands;
import dev.gitopscrew.session.DaemonThreads;
import dev.gitopscrew.settings.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.StatusChangeEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.SessionDisconnectEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import org.jboss.logging.Logger;

/**
 * The Discord bot's connection: JDA pointed at {@code channels.discord.apiBaseUrl} for REST and
 * gateway discovery, reconnecting on its own (JDA replaces a connection that misses heartbeat ACKs,
 * resumes when it can and identifies again when it cannot). On every READY or RESUME the replies
 * that came due while disconnected are delivered; slash commands are registered per configured
 * guild on READY. {@link #start()} never blocks: a Discord outage leaves the gateway up. Should JDA
 * stop its connection on its own, without a close code that forbids it, a fresh one replaces it.
 */
public final class DiscordConnection implements ChatConnection {

  private static final Logger LOG = Logger.getLogger(DiscordConnection.class);
  private static final Duration RETRY = Duration.ofSeconds(30);
  private static final Duration SWEEP = Duration.ofSeconds(30);
  private static final String TOKEN_REFUSED = "Discord refused the token: check DISCORD_BOT_TOKEN";
  private static final Duration AFRESH_FIRST = Duration.ofSeconds(1);
  private static final Duration AFRESH_MAX = Duration.ofSeconds(60);

  /** What the connection is pointed at. */
  public record Settings(String apiBaseUrl, Secret token, Set<String> guildIds) {}

  private final Settings settings;
  private final JdaChatChannel chat;
  private final DiscordEvents events;
  private final AcceptChatRequest accept;
  private final DeliverChatReplies deliver;
  private final ExecutorService work;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("discord-connection"));
  private volatile FollowAlertByName alertsByName;
  private volatile boolean stopped;
  private volatile boolean everReady;
  private volatile Duration afresh = AFRESH_FIRST;

  public DiscordConnection(
      Settings settings,
      JdaChatChannel chat,
      AcceptChatRequest accept,
      DecideByButton decide,
      AnswerChannelCommand answers,
      DeliverChatReplies deliver,
      ExecutorService work) {
    this.settings = settings;
    this.chat = chat;
    this.accept = accept;
    this.deliver = deliver;
    this.work = work;
    this.events = new DiscordEvents(chat, accept, decide, answers, work);
  }

  /**
   * Looks for the channel named alerts in the guild channel cache on every READY (JDA fires it once
   * the GUILD_CREATE of every guild arrived), for a bot without {@code alertsChannel}.
   */
  public void lookUpAlertsByName(FollowAlertByName byName) {
    this.alertsByName = byName;
  }

  private static List<String> channelsNamed(JDA jda, String guildId, String name) {
    Guild guild = jda.getGuildById(guildId);
    if (guild == null) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    guild.getTextChannelsByName(name, true).forEach(c -> ids.add(c.getId()));
    guild.getNewsChannelsByName(name, true).forEach(c -> ids.add(c.getId()));
    return ids;
  }

  @Override
  public void start() {
    stopped = false;
    chat.status("connecting", "to " + settings.apiBaseUrl());
    timer.execute(this::connect);
    timer.scheduleWithFixedDelay(
        this::sweep, SWEEP.toSeconds(), SWEEP.toSeconds(), TimeUnit.SECONDS);
  }

  private void connect() {
    if (stopped) {
      return;
    }
    try {
      JDA jda =
          JDABuilder.createLight(
                  settings.token().reveal(),
                  EnumSet.of(
                      GatewayIntent.GUILD_MESSAGES,
                      GatewayIntent.DIRECT_MESSAGES,
                      GatewayIntent.MESSAGE_CONTENT))
              .setRestConfig(new RestConfig().setBaseUrl(settings.apiBaseUrl() + "/"))
              .setSessionController(new GatewayDiscovery(settings.apiBaseUrl(), settings.token()))
              .setCompression(Compression.NONE)
              .disableCache(EnumSet.allOf(CacheFlag.class))
              .setAutoReconnect(true)
              .setMaxReconnectDelay(32)
              .setEnableShutdownHook(false)
              .addEventListeners(events, new StateListener())
              .build();
      chat.attach(jda);
    } catch (RuntimeException e) {
      String why = String.valueOf(e.getMessage()).replace(settings.token().reveal(), "<token>");
      chat.status("failed", why + "; trying again in " + RETRY.toSeconds() + " s");
      LOG.warnf("discord: cannot connect: %s", why);
      if (!stopped) {
        timer.schedule(this::connect, RETRY.toSeconds(), TimeUnit.SECONDS);
      }
    }
  }

  /** Delivers what is due now and then, for decisions made elsewhere (CLI, API, timeouts). */
  private void sweep() {
    if (chat.state().connected()) {
      try {
        deliver.run();
      } catch (RuntimeException e) {
        LOG.debugf("discord sweep: %s", e.getMessage());
      }
    }
  }

  /**
   * Work after a (re)connect, off JDA's thread: on READY the slash commands and the requests a stop
   * left stored up to {@code storedUpTo} (a message arriving from now on starts itself).
   */
  private void afterConnect(boolean ready, long storedUpTo) {
    work.execute(
        () -> {
          try {
            if (ready) {
              registerCommands();
              accept.resumeStored(storedUpTo);
            }
            int sent = deliver.run();
            if (sent > 0) {
              LOG.infof("discord: %d replies delivered after the (re)connect", sent);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (RuntimeException e) {
            LOG.warnf("discord: after connecting: %s", e.getMessage());
          }
        });
  }

  private void registerCommands() {
    JDA jda = chat.jda();
    List<SlashCommandData> commands = new ArrayList<>();
    for (SlashCommands.Command c : SlashCommands.of(accept.catalogue())) {
      SlashCommandData data = Commands.slash(c.name(), c.description());
      for (SlashCommands.Option o : c.options()) {
        OptionType type =
            switch (o.type()) {
              case INTEGER -> OptionType.INTEGER;
              case BOOLEAN -> OptionType.BOOLEAN;
              default -> OptionType.STRING;
            };
        OptionData option = new OptionData(type, o.name(), o.description(), o.required());
        o.choices().forEach(choice -> option.addChoice(choice, choice));
        data.addOptions(option);
      }
      commands.add(data);
    }
    for (String guildId : settings.guildIds()) {
      Guild guild = jda.getGuildById(guildId);
      if (guild == null) {
        LOG.warnf("discord: guild %s is configured but the bot is not in it", guildId);
        continue;
      }
      guild.updateCommands().addCommands(commands).complete();
      LOG.infof("discord: %d slash commands registered in guild %s", commands.size(), guildId);
    }
  }

  @Override
  public ConnectionState state() {
    return chat.state();
  }

  /** The JDA of the current connection, for tests that make it misbehave. */
  JDA jda() {
    return chat.jda();
  }

  @Override
  public void close() {
    stopped = true;
    timer.shutdownNow();
    JDA jda = chat.jda();
    if (jda != null) {
      jda.shutdown();
      try {
        if (!jda.awaitShutdown(Duration.ofSeconds(5))) {
          jda.shutdownNow();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        jda.shutdownNow();
      }
    }
    chat.status("off", "stopped");
  }

  /** Follows JDA's status into the connection state the doctor and /api/status show. */
  private final class StateListener extends ListenerAdapter {
    @Override
    public void onReady(ReadyEvent event) {
      String as = "as " + event.getJDA().getSelfUser().getName();
      if (everReady) {
        chat.reconnected("connected afresh " + as);
      } else {
        chat.status("connected", as);
      }
      everReady = true;
      afresh = AFRESH_FIRST;
      LOG.infof("discord: connected %s", as);
      FollowAlertByName byName = alertsByName;
      if (byName != null) {
        JDA jda = event.getJDA();
        byName.lookUp((guildId, name) -> channelsNamed(jda, guildId, name));
      }
      // read here, on JDA's event thread, before it hands over any message of this connection
      long storedUpTo;
      try {
        storedUpTo = accept.newestStored();
      } catch (RuntimeException e) {
        storedUpTo = Long.MAX_VALUE; // the store will say more; a start is claimed once anyway
      }
      afterConnect(true, storedUpTo);
    }

    /**
     * JDA shuts itself down when the WebSocket library interrupts the thread of its reconnect (seen
     * once in thirty zombie-connection replacements on loopback) and when Discord closes with a
     * code that forbids reconnecting (a refused token, disallowed intents). The first is repaired
     * with a fresh connection, as a restart would; the second would only be refused again.
     */
    @Override
    public void onShutdown(ShutdownEvent event) {
      if (stopped) {
        return;
      }
      CloseCode code = event.getCloseCode();
      if (code == CloseCode.AUTHENTICATION_FAILED) {
        chat.status("failed", TOKEN_REFUSED);
        return;
      }
      if (code != null && !code.isReconnect()) {
        chat.status("failed", "Discord closed the connection: " + code.getMeaning());
        LOG.errorf("discord: Discord closed the connection for good: %s", code.getMeaning());
        return;
      }
      Duration wait = afresh;
      afresh = java.util.Collections.min(List.of(wait.multipliedBy(2), AFRESH_MAX));
      chat.status(
          "reconnecting", "JDA stopped its connection; a fresh one in " + wait.toSeconds() + " s");
      LOG.warnf(
          "discord: JDA stopped its connection on its own; connecting afresh in %d s",
          wait.toSeconds());
      try {
        timer.schedule(DiscordConnection.this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException closing) {
        // close() is under way
      }
    }

    @Override
    public void onSessionResume(SessionResumeEvent event) {
      chat.reconnected("resumed as " + event.getJDA().getSelfUser().getName());
      LOG.info("discord: session resumed");
      afterConnect(false, 0);
    }

    @Override
    public void onSessionRecreate(SessionRecreateEvent event) {
      chat.reconnected("reconnected as " + event.getJDA().getSelfUser().getName());
      LOG.info("discord: session recreated");
      afterConnect(false, 0);
    }

    @Override
    public void onSessionDisconnect(SessionDisconnectEvent event) {
      chat.status(
          "reconnecting",
          "disconnected"
              + (event.getCloseCode() == null ? "" : " (" + event.getCloseCode().name() + ")"));
      LOG.infof("discord: disconnected; JDA reconnects");
    }

    @Override
    public void onStatusChange(StatusChangeEvent event) {
      LOG.debugf("discord: %s -> %s", event.getOldStatus(), event.getNewStatus());
      if (event.getNewStatus() == JDA.Status.FAILED_TO_LOGIN) {
        chat.status("failed", TOKEN_REFUSED);
      }
    }
  }
}
