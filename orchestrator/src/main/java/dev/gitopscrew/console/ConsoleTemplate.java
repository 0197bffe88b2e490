package dev.gitopscrew.console;

import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.ValueResolver;
import io.quarkus.qute.ValueResolvers;
import io.quarkus.qute.Variant;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One of the console's Qute templates ({@code templates/console/} on the classpath), parsed when a
 * page first needs it. Qute's own engine, not the Quarkus extension: the extension parses every
 * template while the gateway starts (about 100 ms), and the console must not cost {@code crew
 * serve} its start-up (docs/operations.md#start-up); the browser tests render every page.
 */
final class ConsoleTemplate {

  private final String id;

  ConsoleTemplate(String id) {
    this.id = id;
  }

  TemplateInstance data(String key, Object value) {
    return template().data(key, value);
  }

  Template template() {
    Template template = Engines.CONSOLE.getTemplate(id);
    if (template == null) {
      throw new IllegalStateException("no console template " + id);
    }
    return template;
  }

  /** Built on the first page a browser asks for. */
  private static final class Engines {
    static final Engine CONSOLE =
        Engine.builder()
            .addDefaults()
            .addValueResolver(new ReflectionValueResolver())
            // {tree.raw}: a fragment this console rendered (and escaped) itself
            .addValueResolver(ValueResolvers.rawResolver())
            // {approval.requestedAt.utc}: a time as people read it
            .addValueResolver(
                ValueResolver.builder()
                    .applyToBaseClass(Instant.class)
                    .applyToName("utc")
                    .resolveSync(ctx -> ConsolePages.time((Instant) ctx.getBase()))
                    .build())
            .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
            .addLocator(Engines::locate)
            .removeStandaloneLines(true)
            .strictRendering(true)
            .build();

    private static Optional<TemplateLocator.TemplateLocation> locate(String id) {
      URL url =
          ConsoleTemplate.class
              .getClassLoader()
              .getResource("templates/" + (id.endsWith(".html") ? id : id + ".html"));
      if (url == null) {
        return Optional.empty();
      }
      return Optional.of(
          new TemplateLocator.TemplateLocation() {
            @Override
            public Reader read() {
              try {
                return new InputStreamReader(url.openStream(), StandardCharsets.UTF_8);
              } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
              }
            }

            @Override
            public Optional<Variant> getVariant() {
              return Optional.of(Variant.forContentType(Variant.TEXT_HTML));
            }
          });
    }
  }
}
