package org.opendso.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.TestTenants;
import org.opendso.realtime.Actor;
import org.opendso.realtime.EventLog;
import org.opendso.realtime.EventType;
import org.opendso.report.ReportFilter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;

/** The live feed: a burst of events is one refresh, and followers of the same view share one read. */
@IntegrationTest
class ForecastFeedIT {

    @Autowired
    ForecastFeed feed;
    @Autowired
    TestTenants tenants;
    @Autowired
    EventLog events;
    @Autowired
    DatabaseClient db;

    @Test
    void aBurstOfEventsIsOneRefreshAndOneReadSharedByAllFollowersOfAView() {
        TestTenants.Other other = tenants.create("feed" + System.nanoTime());
        ForecastFixture f = new ForecastFixture(db, other.tenantId());
        for (int i = 0; i < 300; i++) {
            f.customer("B-" + i);
        }
        List<Forecast> first = new CopyOnWriteArrayList<>();
        List<Forecast> second = new CopyOnWriteArrayList<>();
        Disposable a = feed.follow(other.admin(), ReportFilter.ALL).subscribe(first::add);
        Disposable b = feed.follow(other.admin(), ReportFilter.ALL).subscribe(second::add);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> !first.isEmpty() && !second.isEmpty());
            long refreshes = feed.refreshCount();
            long reads = feed.readCount();
            // an import touching 301 accounts writes 301 events in one statement
            events.appendEach(Actor.system("Import"), other.tenantId(), EventType.ITEMS_IMPORTED,
                    "select id as customer_id, '{}'::jsonb as payload from customer where tenant_id = :t",
                    Map.of("t", other.tenantId())).block();
            await().atMost(Duration.ofSeconds(10)).until(() -> first.size() >= 2 && second.size() >= 2);
            // the NOTIFYs may straddle a coalescing window: two refreshes at most, never one per event
            assertThat(feed.refreshCount() - refreshes).isBetween(1L, 2L);
            assertThat(feed.readCount() - reads).isBetween(1L, 2L);
            // the same forecast object went to both followers: read once for the view
            assertThat(second.getLast()).isSameAs(first.getLast());
        } finally {
            a.dispose();
            b.dispose();
        }
    }
}
