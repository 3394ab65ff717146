package org.opendso;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port against this test run's fresh PostgreSQL database
 * (see {@link FreshDatabase}), with the demo company loaded as tenant 1.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.rsocket.server.port=0", "opendso.demo=true",
                // action generation runs when a test asks for it, not on the wall clock's schedule
                "opendso.agenda.daily-cron=-", "opendso.agenda.catch-up-cron=-",
                "opendso.agenda.on-start=false", "opendso.agenda.auto-send-cron=-",
                // alerts too: evaluated when a test asks (AlertTriggersIT switches the event triggers on)
                "opendso.alerts.daily-cron=-", "opendso.alerts.catch-up-cron=-", "opendso.alerts.on-start=false",
                "opendso.alerts.on-events=false",
                // nor the reports' snapshots and the forecast's full rebuild of every company at start: in a suite
                // that has made hundreds of companies they held the connection pool while live tests measured
                "opendso.reports.on-start=false", "opendso.forecast.on-start=false"})
public @interface IntegrationTest {
}
