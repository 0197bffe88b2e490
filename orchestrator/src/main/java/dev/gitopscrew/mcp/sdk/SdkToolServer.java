package dev.gitopscrew.mcp.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitopscrew.mcp.McpServerSpec;
import dev.gitopscrew.mcp.ServerTool;
import dev.gitopscrew.mcp.ToolAnswer;
import dev.gitopscrew.mcp.ToolServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An MCP server through the official Java SDK's synchronous client: over stdio (the command as a
 * child process, its stderr kept out of our logs as it may echo its environment) or streamable HTTP
 * (the headers on every request). The only class that knows the SDK's types.
 */
public final class SdkToolServer implements ToolServer {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final McpSchema.Implementation CLIENT =
      new McpSchema.Implementation("gitops-crew", dev.gitopscrew.settings.UserAgents.VERSION);

  // starting a server and listing its tools may take longer than a call may (npx fetching a
  // package): they get this much at least; a call gets the server's own timeout
  private static final Duration START = Duration.ofSeconds(60);
  private static final java.util.concurrent.ExecutorService CALLS =
      java.util.concurrent.Executors.newCachedThreadPool(
          work -> {
            Thread thread = new Thread(work, "mcp-call");
            thread.setDaemon(true);
            return thread;
          });

  /** The crew's own variables a stdio server gets; never a token. */
  private static final List<String> INHERITED =
      List.of(
          "PATH",
          "HOME",
          "USER",
          "LOGNAME",
          "SHELL",
          "LANG",
          "LC_ALL",
          "TZ",
          "TMPDIR",
          "HTTP_PROXY",
          "HTTPS_PROXY",
          "NO_PROXY",
          "http_proxy",
          "https_proxy",
          "no_proxy");

  private final McpServerSpec spec;
  private final McpSyncClient client;
  // the requests waiting for an answer: cancelled at once when the server's process exits
  private final java.util.Set<java.util.concurrent.Future<?>> pending =
      java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile boolean closing;

  private SdkToolServer(McpServerSpec spec, McpSyncClient client) {
    this.spec = spec;
    this.client = client;
  }

  /** Starts and initialises {@code spec}'s server. */
  public static ToolServer start(McpServerSpec spec, Events events) {
    if (spec.overStdio() && !runnable(spec.command())) {
      // the SDK would wait for an answer that never comes until its timeout
      throw new Unavailable(
          spec.name() + " did not start: no program " + spec.command() + " on this machine");
    }
    McpClientTransport transport = transport(spec);
    McpSyncClient client =
        McpClient.sync(transport)
            .clientInfo(CLIENT)
            .requestTimeout(longest(spec.timeout()))
            .initializationTimeout(longest(spec.timeout()))
            .toolsChangeConsumer(tools -> events.toolsChanged().run())
            .build();
    try {
      client.initialize();
    } catch (RuntimeException e) {
      client.close();
      throw new Unavailable(spec.name() + " did not start: " + reason(e));
    }
    SdkToolServer server = new SdkToolServer(spec, client);
    if (transport instanceof StdioClientTransport stdio) {
      Thread watcher =
          new Thread(
              () -> {
                stdio.awaitForExit();
                if (!server.closing) {
                  server.pending.forEach(f -> f.cancel(true));
                  events.gone().accept(spec.name() + " exited");
                }
              },
              "mcp-exit-" + spec.name());
      watcher.setDaemon(true);
      watcher.start();
    }
    return server;
  }

  /** The server answered a request with a JSON-RPC error (unknown tool, invalid arguments). */
  private static final class ServerError extends RuntimeException {
    ServerError(String message) {
      super(message);
    }
  }

  /** One request, answered within {@code timeout}, cancelled when the server's process exits. */
  private <T> T ask(java.util.concurrent.Callable<T> request, Duration timeout, String what) {
    java.util.concurrent.Future<T> answer = CALLS.submit(request);
    pending.add(answer);
    try {
      return answer.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      answer.cancel(true);
      throw new Unavailable(what + ": no answer within " + seconds(timeout));
    } catch (java.util.concurrent.CancellationException e) {
      throw new Unavailable(
          what
              + ": cancelled, the server was closed (it exited, or another call failed);"
              + " a write may have happened");
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof io.modelcontextprotocol.spec.McpError error) {
        // the server answered, with an error of the protocol's: it is up
        throw new ServerError(String.valueOf(error.getMessage()));
      }
      throw new Unavailable(
          what
              + ": "
              + (e.getCause() instanceof RuntimeException r
                  ? reason(r)
                  : e.getCause().getClass().getSimpleName()));
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new Unavailable(what + ": interrupted");
    } finally {
      pending.remove(answer);
    }
  }

  /** Whether {@code command} is a program this process can run: a path, or found on the PATH. */
  private static boolean runnable(String command) {
    java.nio.file.Path path = java.nio.file.Path.of(command);
    if (command.contains("/")) {
      return java.nio.file.Files.isExecutable(path);
    }
    String dirs = System.getenv().getOrDefault("PATH", "");
    for (String dir : dirs.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  private static McpClientTransport transport(McpServerSpec spec) {
    JacksonMcpJsonMapper mapper = new JacksonMcpJsonMapper(new ObjectMapper());
    if (spec.overStdio()) {
      // what a program needs to run, not the crew's tokens: the entry's env adds the rest
      Map<String, String> env = new java.util.HashMap<>();
      for (String name : INHERITED) {
        String value = System.getenv(name);
        if (value != null) {
          env.put(name, value);
        }
      }
      env.putAll(spec.env());
      StdioClientTransport stdio =
          new StdioClientTransport(
              ServerParameters.builder(spec.command()).args(spec.args()).env(env).build(), mapper);
      stdio.setStdErrorHandler(line -> {});
      return stdio;
    }
    String base = spec.url().getScheme() + "://" + spec.url().getRawAuthority();
    String endpoint =
        spec.url().getRawPath()
            + (spec.url().getRawQuery() == null ? "" : "?" + spec.url().getRawQuery());
    return HttpClientStreamableHttpTransport.builder(base)
        .endpoint(endpoint.isEmpty() ? "/mcp" : endpoint)
        .jsonMapper(mapper)
        .connectTimeout(Duration.ofSeconds(10))
        .requestBuilder(headers(spec))
        .build();
  }

  /** Every request carries the entry's headers (an Authorization from the environment). */
  private static java.net.http.HttpRequest.Builder headers(McpServerSpec spec) {
    java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder();
    spec.headers().forEach(builder::header);
    return builder;
  }

  @Override
  public List<ServerTool> tools() {
    List<ServerTool> out = new ArrayList<>();
    String cursor = null;
    try {
      do {
        String from = cursor;
        McpSchema.ListToolsResult page;
        try {
          page =
              ask(
                  () -> from == null ? client.listTools() : client.listTools(from),
                  longest(spec.timeout()),
                  spec.name() + " did not list its tools");
        } catch (ServerError e) {
          throw new Unavailable(spec.name() + " did not list its tools: " + e.getMessage());
        }
        for (McpSchema.Tool t : page.tools()) {
          out.add(
              new ServerTool(
                  spec.name(),
                  t.name(),
                  t.description() == null ? "" : t.description(),
                  JSON.writeValueAsString(t.inputSchema() == null ? Map.of() : t.inputSchema()),
                  t.annotations() != null && Boolean.TRUE.equals(t.annotations().readOnlyHint())));
        }
        cursor = page.nextCursor();
      } while (cursor != null && !cursor.isEmpty());
    } catch (JsonProcessingException e) {
      throw new Unavailable(spec.name() + " sent a tool schema that is not JSON");
    }
    return out;
  }

  @Override
  public ToolAnswer call(String tool, String argumentsJson, Duration timeout) {
    Map<String, Object> arguments;
    try {
      arguments =
          argumentsJson == null || argumentsJson.isBlank()
              ? Map.of()
              : JSON.readValue(argumentsJson, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "the arguments are not a JSON object: " + e.getOriginalMessage());
    }
    McpSchema.CallToolResult result;
    try {
      result =
          ask(
              () -> client.callTool(new McpSchema.CallToolRequest(tool, arguments)),
              timeout,
              spec.name() + "/" + tool + " did not answer");
    } catch (ServerError e) {
      return new ToolAnswer(
          spec.name() + "/" + tool + " answered with an error: " + e.getMessage(), true);
    }
    StringBuilder text = new StringBuilder();
    for (McpSchema.Content c : result.content()) {
      if (text.length() > 0) {
        text.append('\n');
      }
      text.append(c instanceof McpSchema.TextContent t ? t.text() : "(" + c.type() + " content)");
    }
    return new ToolAnswer(text.toString(), Boolean.TRUE.equals(result.isError()));
  }

  @Override
  public void close() {
    closing = true;
    pending.forEach(f -> f.cancel(true));
    try {
      if (!client.closeGracefully()) {
        client.close();
      }
    } catch (RuntimeException e) {
      client.close();
    }
  }

  private static Duration longest(Duration timeout) {
    return timeout.compareTo(START) > 0 ? timeout : START;
  }

  private static String seconds(Duration d) {
    return d.toSeconds() == 1 ? "1 second" : d.toSeconds() + " seconds";
  }

  /** An exception's words, without its causes' (a library's may quote a header). */
  private static String reason(RuntimeException e) {
    Throwable t = e;
    while (t.getCause() != null && t.getMessage() == null) {
      t = t.getCause();
    }
    if (t instanceof java.util.concurrent.TimeoutException
        || String.valueOf(t.getMessage()).contains("Did not observe any item or terminal signal")) {
      return "no answer in time";
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
