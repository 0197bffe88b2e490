package dev.gitopscrew.store;

import dev.gitopscrew.request.Request;
import dev.gitopscrew.request.RequestJson;
import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.roles.work.PastResults;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Earlier runs' structured data, read from the sessions table: the newest succeeded session of the
 * same agent, origin and request (its stored JSON) before a given one.
 */
public final class JdbcPastResults implements PastResults {

  // a requester asks for few other requests in between (a schedule asks for one only)
  private static final int LOOK_BACK = 50;

  private final Jdbi jdbi;

  public JdbcPastResults(DataSource dataSource) {
    this.jdbi = Jdbi.create(dataSource);
  }

  @Override
  public Optional<String> lastData(Origin origin, String agent, Request request, long before) {
    String json = RequestJson.write(request);
    return jdbi.withHandle(
        h ->
            h
                .createQuery(
                    "SELECT request_json, result_data FROM sessions WHERE channel = :channel AND"
                        + " requester = :requester AND agent = :agent AND state = 'succeeded'"
                        + " AND id < :before AND result_data IS NOT NULL ORDER BY id DESC")
                .bind("channel", origin.channel())
                .bind("requester", origin.requester())
                .bind("agent", agent)
                .bind("before", before)
                .setMaxRows(LOOK_BACK)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                .list()
                .stream()
                .filter(row -> json.equals(row[0]))
                .map(row -> row[1])
                .findFirst());
  }
}
