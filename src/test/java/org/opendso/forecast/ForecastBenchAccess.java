package org.opendso.forecast;

/** What the benchmark reads of the live feed (package-private counters). */
public final class ForecastBenchAccess {

    private ForecastBenchAccess() {
    }

    public static long refreshes(ForecastFeed feed) {
        return feed.refreshCount();
    }
}
