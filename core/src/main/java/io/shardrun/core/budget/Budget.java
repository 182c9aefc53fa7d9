package io.shardrun.core.budget;

import java.util.Map;

/**
 * One entry of budgets.json: limits for the pages whose URL path matches a route.
 *
 * @param route the route as written: a path, or a glob such as {@code /shop/*}
 * @param limits the most each limited metric may be
 * @param warnOnly {@code mode: warn}: going over a limit warns instead of failing the file
 */
public record Budget(String route, Map<Metric, Long> limits, boolean warnOnly) {
  public Budget {
    limits = Map.copyOf(limits);
  }

  public boolean matches(String path) {
    return RouteGlob.compile(route).matcher(path).matches();
  }
}
