package dev.gitopscrew.channel.pr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.roles.catalogue.Door;
import dev.gitopscrew.roles.catalogue.RequestCatalogue;
import dev.gitopscrew.roles.catalogue.RequestKind;
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
            CrewCommand.Kind.REQUEST,
            CrewCommand.Kind.REQUEST,
            CrewCommand.Kind.HOLD,
            CrewCommand.Kind.UNHOLD,
            CrewCommand.Kind.REQUEST,
            CrewCommand.Kind.REFRESH,
            CrewCommand.Kind.HELP,
            CrewCommand.Kind.HELP);
    assertThat(CrewCommand.parse("  /crew  Release   Plan  v1.2.0").get(0).words())
        .isEqualTo("Release Plan v1.2.0");
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
    assertThat(kinds("/crew dance")).containsExactly(CrewCommand.Kind.REQUEST);
  }

  @Test
  void theHelpNamesEveryCommandAndEveryRequestOfTheCatalogueThatActsOnARepository() {
    RequestCatalogue catalogue = RequestCatalogue.standard();
    String help = CrewCommand.helpText(catalogue);
    assertThat(help)
        .contains(
            "`/crew validate [base BASE]`",
            "`/crew scan [PATH] [severity SEVERITY] [show-suppressed] [dry-run]`",
            "`/crew label LABEL [remove] [dry-run]`",
            "`/crew refresh`",
            "`/crew hold`",
            "`/crew unhold`",
            "`/crew release plan [MILESTONE]`",
            "`/crew help`")
        .doesNotContain("`/crew restart");
    for (RequestKind kind : catalogue.offeredAt(Door.PR_COMMENT)) {
      assertThat(help).contains("`/crew " + kind.name());
    }
  }
}
