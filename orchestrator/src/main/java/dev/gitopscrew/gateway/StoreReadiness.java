package dev.gitopscrew.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the state store takes a write; the same facts as {@code /readyz}. */
@Readiness
@ApplicationScoped
public class StoreReadiness implements HealthCheck {

  @Inject ReadinessReport readiness;

  @Override
  public HealthCheckResponse call() {
    ReadinessReport.Report report = readiness.now();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("state-store").status(report.up());
    report
        .fields()
        .forEach(
            (key, value) -> {
              if (value instanceof java.util.Map<?, ?> nested) {
                nested.forEach((k, v) -> response.withData(key + "." + k, String.valueOf(v)));
              } else if (!key.equals("status")) {
                response.withData(key, String.valueOf(value));
              }
            });
    return response.build();
  }
}
