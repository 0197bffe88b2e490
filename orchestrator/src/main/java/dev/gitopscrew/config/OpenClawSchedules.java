package dev.gitopscrew.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.gitopscrew.config.CrewConfig.ScheduleEntry;
import dev.gitopscrew.roles.catalogue.RequestCatalogue;
import dev.gitopscrew.schedule.Schedule;
import dev.gitopscrew.schedule.ScheduleSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * OpenClaw's scheduled work read into schedules (docs/schedules.md): {@code
 * agents.defaults.heartbeat} with the request lines of the workspace's {@code HEARTBEAT.md} becomes
 * one schedule per line ({@code heartbeat-1}…), run at the same beat; the jobs of OpenClaw's cron
 * store whose message is a request become schedules of their own. Every other line or job is noted
 * with the reason it was not taken over.
 */
final class OpenClawSchedules {

  static final String HEARTBEAT = "agents.defaults.heartbeat";
  private static final Pattern LIST_MARK = Pattern.compile("^([-*+]|\\d+[.)])\\s+(\\[[ xX]]\\s+)?");
  private static final Pattern OFF = Pattern.compile("0+[smhd]?");

  private final CrewConfig config;
  private final Path base;
  private final BiConsumer<String, String> note;
  private final RequestCatalogue catalogue = RequestCatalogue.standard();
  private final Set<String> names = new HashSet<>();
  private final List<ScheduleEntry> taken = new ArrayList<>();

  private OpenClawSchedules(CrewConfig config, Path base, BiConsumer<String, String> note) {
    this.config = config;
    this.base = base;
    this.note = note;
    config.schedules().forEach(s -> names.add(s.name()));
  }

  /**
   * The configuration with the schedules taken over after its own; {@code note} gets each path and
   * what became of it.
   *
   * @param base the configuration file's folder, which relative paths are read from
   */
  static CrewConfig adopt(CrewConfig config, Path base, BiConsumer<String, String> note) {
    OpenClawSchedules adopting = new OpenClawSchedules(config, base, note);
    adopting.heartbeat();
    adopting.cronJobs();
    if (adopting.taken.isEmpty()) {
      return config;
    }
    List<ScheduleEntry> all = new ArrayList<>(config.schedules());
    all.addAll(adopting.taken);
    return config.withSchedules(all);
  }

  private void heartbeat() {
    CrewConfig.Heartbeat beat = config.agents().defaults().heartbeat();
    if (beat == null) {
      return;
    }
    String every = beat.every() == null ? "30m" : beat.every().strip();
    if (OFF.matcher(every).matches()) {
      note.accept(HEARTBEAT + ".every", "every " + every + ": the heartbeat is off");
      return;
    }
    String target = target(beat.target(), beat.to());
    var hours = beat.activeHours();
    String zone = hours == null ? null : zone(hours.timezone());
    Path file = workspace().resolve("HEARTBEAT.md");
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      note.accept(HEARTBEAT, "no heartbeat schedule: " + file + " cannot be read (no checks)");
      return;
    }
    Checklist list = checklist(lines, every, target, hours, zone);
    if (list == null) {
      return;
    }
    taken.addAll(list.checks());
    List<String> described =
        list.checks().stream().map(c -> c.name() + ": " + c.request()).toList();
    note.accept(
        HEARTBEAT,
        "heartbeat schedule every "
            + every
            + (hours == null ? "" : " within " + hours.start() + "-" + hours.end())
            + ", posts changed to "
            + target
            + ", from "
            + file
            + ": "
            + described.size()
            + (described.size() == 1 ? " check" : " checks")
            + (described.isEmpty() ? "" : " (" + String.join("; ", described) + ")")
            + ", "
            + list.notes().size()
            + (list.notes().size() == 1 ? " note" : " notes")
            + (list.notes().isEmpty() ? "" : ": " + String.join("; ", list.notes())));
  }

  /** The checks (request lines) and notes (any other line) of a HEARTBEAT.md. */
  private record Checklist(List<ScheduleEntry> checks, List<String> notes) {}

  /** Null when the heartbeat cannot be a schedule at all (noted). */
  private Checklist checklist(
      List<String> lines,
      String every,
      String target,
      CrewConfig.HeartbeatHours hours,
      String zone) {
    List<ScheduleEntry> checks = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = LIST_MARK.matcher(lines.get(i).strip()).replaceFirst("").strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("<!--")) {
        continue; // headings, comments and blank lines shape the file; they ask nothing
      }
      String name = "heartbeat-" + (checks.size() + 1);
      ScheduleEntry entry =
          new ScheduleEntry(
              name,
              null,
              zone,
              every,
              line,
              target,
              "changed",
              hours == null ? null : new CrewConfig.ActiveHours(hours.start(), hours.end()),
              "skip");
      try {
        Schedule schedule =
            entry.spec().read(config.scheduleZone(), catalogue, config.schedulesPlanFreeText());
        if (schedule.nextAfter(Instant.now()).isEmpty()) {
          note.accept(HEARTBEAT + ".activeHours", "no heartbeat schedule: no beat ever runs");
          return null;
        }
        if (!names.add(name)) {
          note.accept(HEARTBEAT, "no heartbeat schedule: a schedule is already named " + name);
          return null;
        }
        checks.add(entry);
      } catch (ScheduleSpec.Invalid e) {
        if (!e.key().equals("request")) {
          note.accept(HEARTBEAT + "." + e.key(), "no heartbeat schedule: " + e.getMessage());
          return null;
        }
        notes.add(
            "line "
                + (i + 1)
                + " \""
                + line
                + "\" ("
                + shortly(e.getMessage())
                + "; free text is run by a schedule only when homelab-admin has a model:"
                + " agents.defaults.model)");
      }
    }
    return new Checklist(checks, notes);
  }

  /** The default agent's workspace, else {@code agents.defaults.workspace}, else OpenClaw's. */
  private Path workspace() {
    String dir =
        config.agents().list().stream()
            .filter(a -> Boolean.TRUE.equals(a.isDefault()) && a.workspace() != null)
            .map(CrewConfig.AgentEntry::workspace)
            .findFirst()
            .orElse(config.agents().defaults().workspace());
    return resolve(dir == null ? "~/.openclaw/workspace" : dir);
  }

  /** OpenClaw's heartbeat target: {@code none}, {@code last} or a channel, and its {@code to}. */
  private String target(String target, String to) {
    if (target == null || target.equals("none")) {
      return "none";
    }
    String channel = discordChannel(to);
    if (target.equals("discord") && channel != null) {
      note.accept(
          HEARTBEAT + ".to",
          "to " + to + ": the heartbeat's results go to Discord channel " + channel);
      return "discord:" + channel;
    }
    if (target.equals("last") || target.equals("discord")) {
      note.accept(
          HEARTBEAT + ".target",
          "target " + target + ": the heartbeat's results go to the alerts channel");
      return "alerts";
    }
    note.accept(
        HEARTBEAT + ".target",
        "target "
            + target
            + ": the crew posts to Discord only; the heartbeat's results are recorded, not posted");
    return "none";
  }

  private static String zone(String timezone) {
    if (timezone == null || timezone.equals("user")) {
      return null;
    }
    return timezone.equals("local") ? java.time.ZoneId.systemDefault().getId() : timezone;
  }

  /**
   * The jobs of OpenClaw's cron store ({@code cron.store}, default {@code
   * ~/.openclaw/cron/jobs.json}), read when the configuration has a {@code cron} section (OpenClaw
   * runs its jobs with none; the crew does not read a file of this machine it was not pointed at).
   */
  private void cronJobs() {
    var cron = config.cron();
    if (cron == null) {
      return;
    }
    if (Boolean.FALSE.equals(cron.enabled())) {
      note.accept("cron.enabled", "false: OpenClaw's cron jobs are not taken over");
      return;
    }
    Path store = resolve(cron.store() == null ? "~/.openclaw/cron/jobs.json" : cron.store());
    JsonNode jobs;
    try {
      JsonNode root = JsonMapper.builder().build().readTree(store.toFile());
      jobs = root.isArray() ? root : root.path("jobs");
    } catch (IOException e) {
      note.accept("cron", "no cron job taken over: " + store + " cannot be read");
      return;
    }
    for (int i = 0; i < jobs.size(); i++) {
      JsonNode job = jobs.get(i);
      String label = text(job, "name", text(job, "id", "#" + (i + 1)));
      String reason = job(job, i);
      note.accept(
          "cron",
          "job \""
              + label
              + "\" of "
              + store.getFileName()
              + (reason.startsWith("taken") ? " " : " not taken over: ")
              + reason);
    }
  }

  /** Takes one job over; says what became of it. */
  private String job(JsonNode job, int index) {
    if (job.path("enabled").isBoolean() && !job.path("enabled").asBoolean()) {
      return "disabled";
    }
    JsonNode schedule = job.path("schedule");
    String kind = text(schedule, "kind", null);
    if (!"cron".equals(kind) && !"every".equals(kind)) {
      return "schedule.kind " + kind + ": only repeating jobs (cron, every) become schedules";
    }
    JsonNode payload = job.path("payload");
    String message = text(payload, "message", text(payload, "text", null));
    if (message == null) {
      return "no message (payload.kind " + text(payload, "kind", "missing") + ")";
    }
    String mode = deliveryMode(job);
    if (mode.startsWith("delivery.")) {
      return mode;
    }
    String name = slug(text(job, "name", text(job, "id", "")), index);
    String every = kind.equals("every") ? every(schedule.path("everyMs").asLong()) : null;
    ScheduleEntry entry =
        new ScheduleEntry(
            name,
            kind.equals("cron") ? text(schedule, "expr", null) : null,
            kind.equals("cron") ? text(schedule, "tz", null) : null,
            every,
            message.strip(),
            mode.equals("none") ? "none" : deliveryTarget(job),
            "always",
            null,
            "once");
    try {
      Schedule read =
          entry.spec().read(config.scheduleZone(), catalogue, config.schedulesPlanFreeText());
      if (!names.add(name)) {
        return "a schedule is already named " + name;
      }
      taken.add(entry);
      return "taken over as schedule "
          + name
          + ": "
          + read.request()
          + ", "
          + read.timing().describe()
          + ", posts always to "
          + read.target().text();
    } catch (ScheduleSpec.Invalid e) {
      return e.key().equals("request")
          ? "its message is " + shortly(e.getMessage())
          : e.key() + ": " + e.getMessage();
    }
  }

  /**
   * A job's {@code delivery.mode} ({@code announce} by default for an agent turn, {@code none} for
   * a system event), or why the crew cannot deliver as it does.
   */
  private static String deliveryMode(JsonNode job) {
    JsonNode delivery = job.path("delivery");
    String mode =
        text(
            delivery,
            "mode",
            "systemEvent".equals(text(job.path("payload"), "kind", null)) ? "none" : "announce");
    String channel = text(delivery, "channel", null);
    if (mode.equals("webhook")) {
      return "delivery.mode webhook: a schedule posts to the alerts channel only";
    }
    if (mode.equals("announce")
        && channel != null
        && !channel.equals("last")
        && !channel.equals("discord")) {
      return "delivery.channel " + channel + ": a schedule posts to Discord's alerts channel only";
    }
    return mode;
  }

  /** An announce to Discord with {@code to: channel:<id>} goes to that channel, else to alerts. */
  private static String deliveryTarget(JsonNode job) {
    JsonNode delivery = job.path("delivery");
    String channel = discordChannel(text(delivery, "to", null));
    return "discord".equals(text(delivery, "channel", null)) && channel != null
        ? "discord:" + channel
        : "alerts";
  }

  /** The channel id of OpenClaw's Discord recipient {@code channel:<id>}, else null. */
  private static String discordChannel(String to) {
    return to != null && to.matches("channel:\\d{1,20}") ? to.substring("channel:".length()) : null;
  }

  private static String every(long ms) {
    if (ms % 86_400_000 == 0) {
      return ms / 86_400_000 + "d";
    }
    if (ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    return ms % 60_000 == 0 ? ms / 60_000 + "m" : ms / 1000 + "s";
  }

  /** The reason a line is no request, without the list of every request there is. */
  private static String shortly(String reason) {
    int cut = reason.indexOf("; one of");
    return cut < 0 ? reason : reason.substring(0, cut);
  }

  private static String slug(String name, int index) {
    String slug =
        name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    slug = slug.length() > 64 ? slug.substring(0, 64).replaceAll("-+$", "") : slug;
    return slug.isEmpty() ? "cron-" + (index + 1) : slug;
  }

  private static String text(JsonNode node, String key, String absent) {
    JsonNode v = node.path(key);
    return v.isTextual() && !v.asText().isBlank() ? v.asText() : absent;
  }

  private Path resolve(String dir) {
    Path p =
        Path.of(dir.startsWith("~/") ? System.getProperty("user.home") + dir.substring(1) : dir);
    return p.isAbsolute() ? p : base.resolve(p).normalize();
  }
}
