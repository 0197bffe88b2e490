package dev.gitopscrew.session;

import java.util.concurrent.ThreadFactory;

/** Threads that do not keep the process alive, named for thread dumps. */
public final class DaemonThreads {

  private DaemonThreads() {}

  public static ThreadFactory named(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
