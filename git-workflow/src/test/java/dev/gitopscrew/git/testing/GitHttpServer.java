package dev.gitopscrew.git.testing;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceivePack;

/**
 * Bare repositories under a directory served over smart HTTP by JGit's {@code GitServlet} behind
 * basic auth, as a forge serves them. Shared by the tests and the {@code gitflow} bench.
 */
public final class GitHttpServer implements AutoCloseable {

  private final Server server;
  private final AtomicInteger unauthorized = new AtomicInteger();

  private GitHttpServer(Server server) {
    this.server = server;
  }

  /** Serves {@code <reposDir>/<name>.git} as {@code http://127.0.0.1:PORT/git/<name>.git}. */
  public static GitHttpServer start(Path reposDir, String user, String password) throws Exception {
    GitServlet git = new GitServlet();
    git.setRepositoryResolver(
        (req, name) -> {
          if (name.contains("..")) {
            throw new RepositoryNotFoundException(name);
          }
          Path dir = reposDir.resolve(name);
          Repository repo;
          try {
            repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
          } catch (java.io.IOException e) {
            throw new RepositoryNotFoundException(name, e);
          }
          if (!repo.getObjectDatabase().exists()) {
            repo.close();
            throw new RepositoryNotFoundException(name);
          }
          return repo;
        });
    git.setReceivePackFactory((req, repo) -> new ReceivePack(repo));
    Server server = new Server(new InetSocketAddress("127.0.0.1", 0));
    ServletContextHandler context = new ServletContextHandler("/");
    GitHttpServer created = new GitHttpServer(server);
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    Filter basicAuth =
        (request, response, chain) -> {
          String header = ((HttpServletRequest) request).getHeader("Authorization");
          if (!expected.equals(header)) {
            created.unauthorized.incrementAndGet();
            HttpServletResponse http = (HttpServletResponse) response;
            http.setHeader("WWW-Authenticate", "Basic realm=\"git\"");
            http.sendError(401);
            return;
          }
          chain.doFilter(request, response);
        };
    context.addFilter(new FilterHolder(basicAuth), "/*", EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(git), "/git/*");
    server.setHandler(context);
    server.start();
    return created;
  }

  public String url(String repoName) {
    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    return "http://127.0.0.1:" + port + "/git/" + repoName + ".git";
  }

  /** Requests answered 401 (a client's first, credential-less attempt counts too). */
  public int unauthorizedRequests() {
    return unauthorized.get();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
