package org.opendso.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.opendso.security.CurrentStaff;
import org.springframework.stereotype.Component;

/**
 * Every new UI speaks the logged-in staff member's language: the one chosen in this session if they switched,
 * else the one saved on their account. Set when the UI is created, before any view builds its texts.
 */
@Component
public class UiLocale implements VaadinServiceInitListener {

    static final String SESSION_KEY = UiLocale.class.getName();

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale FRENCH = Locale.FRENCH;

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> apply(e.getUI()));
    }

    /** The language of the current session's staff member, or null when nobody is logged in. */
    public static Locale current(VaadinSession session) {
        Object chosen = session == null ? null : session.getAttribute(SESSION_KEY);
        if (chosen instanceof Locale locale) {
            return locale;
        }
        return CurrentStaff.get().map(staff -> of(staff.locale())).orElse(null);
    }

    static void apply(UI ui) {
        Locale locale = current(ui.getSession());
        if (locale != null && !locale.equals(ui.getLocale())) {
            ui.setLocale(locale);
        }
    }

    /** Remembers a language switch for the rest of the session (new tabs, reloads). */
    static void choose(UI ui, Locale locale) {
        ui.getSession().setAttribute(SESSION_KEY, locale);
        ui.getSession().setLocale(locale);
        ui.setLocale(locale);
    }

    public static Locale of(String tag) {
        return "fr".equals(tag) ? FRENCH : ENGLISH;
    }
}
