package dev.gitopscrew.channel.pr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which lines of a comment are {@code /crew} commands. */
class CrewCommandTest {

  private static List<CrewCommand.Kind> kinds(String body) {
    return CrewCommand.parse(body).stream().map(CrewCommand::kind).toList();
  }

  @Test
  void oneCommandPerLineAtTheStartOfALine() {
    assertThat(
            kinds(
                "Thanks!\r\n/crew validate\n  /crew  Release   Plan\n/CREW hold\n/crew unhold\n"
                    + "/crew scan\n/crew refresh\n/crew help\n/crew"))
        .containsExactly(
            CrewCommand.Kind.VALIDATE,
            CrewCommand.Kind.RELEASE_PLAN,
            CrewCommand.Kind.HOLD,
            CrewCommand.Kind.UNHOLD,
            CrewCommand.Kind.SCAN,
            CrewCommand.Kind.REFRESH,
            CrewCommand.Kind.HELP,
            CrewCommand.Kind.HELP);
  }

  @Test
  void mentionsQuotesCodeAndLookAlikesAreNotCommands() {
    assertThat(
            kinds(
                "please run /crew validate later\n"
                    + "> /crew hold\n"
                    + "```\n/crew hold\n```\n"
                    + "/crewvalidate\n"
                    + "`/crew hold`"))
        .isEmpty();
    assertThat(kinds(null)).isEmpty();
    assertThat(kinds("/crew dance")).containsExactly(CrewCommand.Kind.UNKNOWN);
  }

  @Test
  void theHelpNamesEveryCommand() {
    assertThat(CrewCommand.helpText())
        .contains(
            "`/crew validate`",
            "`/crew scan`",
            "`/crew refresh`",
            "`/crew hold`",
            "`/crew unhold`",
            "`/crew release plan`",
            "`/crew help`");
  }
}
