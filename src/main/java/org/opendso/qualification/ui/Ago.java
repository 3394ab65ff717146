package org.opendso.qualification.ui;

import com.vaadin.flow.component.Component;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.opendso.ui.Money;

/** "5 s ago", "3 min ago": how recent a change is, which is what matters when two people collide. */
final class Ago {

    private Ago() {
    }

    private static java.util.Locale locale(Component texts) {
        com.vaadin.flow.component.UI ui = texts.getUI().orElse(com.vaadin.flow.component.UI.getCurrent());
        return ui == null ? java.util.Locale.ENGLISH : ui.getLocale();
    }

    static String of(Instant when, Component texts) {
        return of(when, Clock.systemUTC().instant(), texts);
    }

    static String of(Instant when, Instant now, Component texts) {
        if (when == null) {
            return "";
        }
        long seconds = Math.max(0, Duration.between(when, now).toSeconds());
        if (seconds < 60) {
            return texts.getTranslation("qualify.ago.seconds", seconds);
        }
        if (seconds < 3600) {
            return texts.getTranslation("qualify.ago.minutes", seconds / 60);
        }
        if (seconds < 86_400) {
            return texts.getTranslation("qualify.ago.hours", seconds / 3600);
        }
        return texts.getTranslation("qualify.ago.on", Money.dateTime(when, locale(texts)));
    }
}
