package dev.gitopscrew.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import dev.gitopscrew.request.BadRequestException;
import dev.gitopscrew.roles.catalogue.Door;
import dev.gitopscrew.roles.catalogue.RequestCatalogue;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A schedule as the configuration writes it, every value still text; {@link #read} checks it and
 * makes the {@link Schedule}, or says which key is wrong and why.
 */
public record ScheduleSpec(
    String name,
    String cron,
    String timezone,
    String every,
    String request,
    String target,
    String post,
    String activeStart,
    String activeEnd,
    String catchUp) {

  /** A value of the schedule that cannot be used: {@code key} is its key within the entry. */
  public static final class Invalid extends IllegalArgumentException {
    private final String key;

    Invalid(String key, String reason) {
      super(reason);
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  private static final CronParser CRON =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final Pattern DURATION = Pattern.compile("(\\d{1,6})([smhd])");
  private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-4]):([0-5]\\d)");
  private static final String NO_MODEL =
      "a schedule line is read by the request catalogue, word for word (crew requests lists them)";

  /**
   * @param defaultZone the zone of a cron expression with no {@code timezone} (OpenClaw's {@code
   *     agents.defaults.userTimezone}, else UTC)
   * @param freeText whether a line that is no request is free text a model plans (homelab-admin has
   *     a model), as in chat; otherwise it is refused
   */
  public Schedule read(ZoneId defaultZone, RequestCatalogue catalogue, boolean freeText) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new Invalid(
          "name", "expected a name of lower-case letters, digits and dashes, found " + quote(name));
    }
    ZoneId zone = timezone == null ? defaultZone : zone(timezone);
    ScheduleTiming timing = timing(zone);
    if (request == null || request.isBlank()) {
      throw new Invalid("request", "missing required value 'request' (a line such as scan demo)");
    }
    try {
      catalogue.parse(request, Door.SCHEDULE, Map.of(), freeText ? null : NO_MODEL);
    } catch (BadRequestException e) {
      throw new Invalid("request", "not a request: " + e.getMessage());
    }
    ScheduleTarget to;
    try {
      to = ScheduleTarget.parse(target);
    } catch (IllegalArgumentException e) {
      throw new Invalid("target", e.getMessage());
    }
    if (to instanceof ScheduleTarget.Issue && name.length() > ScheduleTarget.Issue.LONGEST_NAME) {
      throw new Invalid(
          "name",
          "a schedule posting to an issue has a name of at most "
              + ScheduleTarget.Issue.LONGEST_NAME
              + " characters (it keys the issue), found "
              + quote(name));
    }
    return new Schedule(
        name,
        timing,
        request.strip(),
        to,
        word("post", post, Schedule.Post.class, Schedule.Post.ALWAYS),
        hours(zone),
        word("catchUp", catchUp, Schedule.CatchUp.class, Schedule.CatchUp.ONCE));
  }

  private ScheduleTiming timing(ZoneId zone) {
    if ((cron == null) == (every == null)) {
      throw new Invalid(
          cron == null ? "cron" : "every",
          "expected either cron (five fields, such as \"0 7 * * 1\") or every (such as 30m)");
    }
    if (cron != null) {
      try {
        return new ScheduleTiming.CronTiming(cron, zone, CRON.parse(cron).validate());
      } catch (IllegalArgumentException e) {
        throw new Invalid(
            "cron",
            "not a five-field cron expression: " + quote(cron) + " (" + e.getMessage() + ")");
      }
    }
    Matcher m = DURATION.matcher(every.strip());
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      long n = Long.parseLong(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
              });
      end = m.end();
    }
    if (end == 0 || end != every.strip().length() || total.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new Invalid(
          "every",
          "expected a duration of a minute or more such as 30m, 1h or 1d, found " + quote(every));
    }
    return new ScheduleTiming.EveryTiming(every.strip(), total);
  }

  private ActiveHours hours(ZoneId zone) {
    if (activeStart == null && activeEnd == null) {
      return null;
    }
    LocalTime start = time("activeHours.start", activeStart);
    LocalTime end = time("activeHours.end", activeEnd);
    if (start == null) {
      throw new Invalid("activeHours.start", "expected a time such as 08:00 (24:00 is no start)");
    }
    return new ActiveHours(start, end, zone);
  }

  /** HH:MM; 24:00 (the end of the day) is null. */
  private static LocalTime time(String key, String value) {
    Matcher m = value == null ? null : TIME.matcher(value);
    if (m == null || !m.matches() || (m.group(1).equals("24") && !m.group(2).equals("00"))) {
      throw new Invalid(key, "expected a time such as 08:00, found " + quote(value));
    }
    int hour = Integer.parseInt(m.group(1));
    return hour == 24 ? null : LocalTime.of(hour, Integer.parseInt(m.group(2)));
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new Invalid("timezone", "not a time zone: " + quote(id) + " (such as Europe/Paris)");
    }
  }

  private static <E extends Enum<E>> E word(String key, String value, Class<E> type, E absent) {
    if (value == null) {
      return absent;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().toLowerCase(Locale.ROOT).equals(value)) {
        return e;
      }
    }
    throw new Invalid(
        key,
        "expected one of "
            + java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT))
                .toList()
            + ", found "
            + quote(value));
  }

  private static String quote(String value) {
    return value == null ? "nothing" : "\"" + value + "\"";
  }
}
