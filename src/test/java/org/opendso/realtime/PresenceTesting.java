package org.opendso.realtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Optional;
import org.opendso.IntegrationTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application with presence timings short enough for tests to see expiry (heartbeat 300 ms, expiry
 * 1 s); the presence tests share this one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@IntegrationTest
@TestPropertySource(properties = {
        "opendso.presence.heartbeat=300ms", "opendso.presence.expiry=1s", "opendso.presence.sweep=100ms"})
@interface PresenceTesting {

    /** Helpers shared by the presence tests. */
    final class Viewers {

        private Viewers() {
        }

        static Optional<Viewer> of(List<Viewer> viewers, PresenceSession session) {
            return viewers.stream().filter(v -> v.session().equals(session.id())).findFirst();
        }

        static boolean shows(List<Viewer> viewers, PresenceSession session) {
            return of(viewers, session).isPresent();
        }

        /** The id of a demo customer (tenant 1); test setup, so waiting is fine. */
        static long demoCustomer(DatabaseClient db, String account) {
            return db.sql("select id from customer where tenant_id = 1 and account = :a").bind("a", account)
                    .map((r, m) -> r.get("id", Long.class)).one().block();
        }
    }
}
