package io.shardrun.executor.browser;

import io.shardrun.crd.v1alpha1.Isolation;
import java.time.Duration;
import java.util.function.Consumer;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.bidi.HasBiDi;
import org.openqa.selenium.bidi.browsingcontext.BrowsingContext;
import org.openqa.selenium.bidi.browsingcontext.CreateContextParameters;
import org.openqa.selenium.bidi.module.Browser;

/**
 * One browser for a worker's files, each file in a WebDriver BiDi user context of its own: its
 * own cookie jar, storage, cache, service workers and permissions, in a new tab that is closed
 * with it. A context costs a fraction of a browser start. The browser is replaced when a file
 * ends with it stopped or not answering, so the next file starts clean. A file that asks for
 * {@link Isolation#SESSION}, or a browser that cannot make user contexts, gets a session of its
 * own (the latter with one notice), as does a file that loads extensions.
 *
 * <p>Used by one worker thread; {@link BrowserSession#abort} may come from its alarm.
 */
public final class ContextSessions implements SessionFactory, AutoCloseable {
  private final SessionFactory sessions;
  private final SessionFactory browsers;
  private final Isolation byDefault;
  private final Consumer<String> notice;
  private Shared shared;
  private boolean unsupported;

  /**
   * @param sessions opens the sessions of files that ask for one of their own
   * @param browsers opens the shared browser: its sessions must offer BiDi ({@code webSocketUrl})
   * @param byDefault for files that do not say
   * @param notice told once when the browser cannot make user contexts
   */
  public ContextSessions(SessionFactory sessions, SessionFactory browsers, Isolation byDefault, Consumer<String> notice) {
    this.sessions = sessions;
    this.browsers = browsers;
    this.byDefault = byDefault;
    this.notice = notice;
  }

  @Override
  public BrowserSession open(Duration callLimit) {
    return sessions.open(callLimit);
  }

  @Override
  public BrowserSession open(Duration callLimit, SessionNeeds needs) {
    Isolation wanted = needs.isolation() != null ? needs.isolation() : byDefault;
    // Chromium loads extensions only as it starts: such a file needs a browser of its own.
    if (wanted == Isolation.SESSION || unsupported || !needs.extensions().isEmpty()) {
      return sessions.open(callLimit, needs);
    }
    if (shared != null && (shared.broken || callLimit.compareTo(shared.callLimit) > 0)) {
      discard(); // gone wrong, or its calls may not wait as long as this file's may
    }
    if (shared == null) {
      BrowserSession session = browsers.open(callLimit);
      if (!(session.driver() instanceof HasBiDi bidi) || bidi.maybeGetBiDi().isEmpty()) {
        unsupported = true;
        notice.accept("this browser offers no WebDriver BiDi user contexts: each file gets a browser session of its own"
            + " (isolation: session)");
        return session;
      }
      shared = new Shared(session, callLimit);
    }
    try {
      return shared.newContext();
    } catch (RuntimeException e) {
      discard(); // the file's attempt ends in an error, and its retry gets a new browser
      throw e;
    }
  }

  /** Ends the shared browser. */
  @Override
  public void close() {
    discard();
  }

  private void discard() {
    if (shared != null) {
      shared.session.close();
      shared = null;
    }
  }

  /**
   * The worker's browser. The window it started with stays open, so the session outlives each
   * file's tab; a tab in a new user context opens in a window of its own, at the size the browser
   * started with, whatever size the file before it set.
   */
  private static final class Shared {
    final BrowserSession session;
    final Duration callLimit;
    final Browser browser;
    volatile boolean broken;

    Shared(BrowserSession session, Duration callLimit) {
      this.session = session;
      this.callLimit = callLimit;
      this.browser = new Browser(session.driver());
    }

    BrowserSession newContext() {
      WebDriver driver = session.driver();
      String userContext = browser.createUserContext();
      BrowsingContext tab = new BrowsingContext(driver, new CreateContextParameters(WindowType.TAB).userContext(userContext));
      driver.switchTo().window(tab.getId());
      return new ContextSession(this, userContext);
    }
  }

  /** One file's user context and tab in the shared browser. */
  private static final class ContextSession implements BrowserSession {
    private final Shared shared;
    private final String userContext;
    private boolean closed;

    ContextSession(Shared shared, String userContext) {
      this.shared = shared;
      this.userContext = userContext;
    }

    @Override
    public WebDriver driver() {
      return shared.session.driver();
    }

    @Override
    public void abort() {
      shared.broken = true;
      shared.session.abort();
    }

    /** Removes the user context with all it stored, closing its tab (and any dialog it shows) with it. */
    @Override
    public void close() {
      if (closed || shared.broken) {
        closed = true;
        return;
      }
      closed = true;
      try {
        shared.browser.removeUserContext(userContext);
      } catch (RuntimeException e) {
        shared.broken = true; // a browser that cannot remove a context is not trusted with the next file
      }
    }
  }
}
