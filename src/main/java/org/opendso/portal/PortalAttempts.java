package org.opendso.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * Counts failed portal attempts per client address and per token prefix: {@value #LIMIT} failures within
 * {@link #WINDOW} block that address (or prefix) until the window ends. In the memory of one instance (decision
 * 0018): behind a load balancer each instance counts its own, so a guesser gets at most LIMIT × instances tries per
 * window, still nothing against 256-bit tokens; the limit is there to stop noise and make guessing visible.
 */
@Component
class PortalAttempts {

    static final int LIMIT = 20;
    static final Duration WINDOW = Duration.ofMinutes(10);
    /** Memory bound: past this many keys, expired windows are dropped, and if none is, the oldest go. */
    private static final int MAX_KEYS = 50_000;

    private record Window(Instant start, int failures) {
    }

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    PortalAttempts(Optional<Clock> clock) {
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Whether this client or this token prefix used up its failures for the current window. */
    boolean blocked(String client, String prefix) {
        return over("ip:" + client) || over("token:" + prefix);
    }

    void failed(String client, String prefix) {
        count("ip:" + client);
        count("token:" + prefix);
    }

    private boolean over(String key) {
        Window w = windows.get(key);
        return w != null && !expired(w) && w.failures() >= LIMIT;
    }

    private void count(String key) {
        if (windows.size() > MAX_KEYS) {
            windows.values().removeIf(this::expired);
            if (windows.size() > MAX_KEYS) {
                windows.clear();
            }
        }
        windows.compute(key, (k, w) -> w == null || expired(w) ? new Window(clock.instant(), 1)
                : new Window(w.start(), w.failures() + 1));
    }

    private boolean expired(Window w) {
        return w.start().plus(WINDOW).isBefore(clock.instant());
    }
}
