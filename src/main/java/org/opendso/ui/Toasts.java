package org.opendso.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import reactor.core.Exceptions;

/** Short messages in the corner of the screen; service failures told in words a user understands. */
public final class Toasts {

    private static final Logger log = LoggerFactory.getLogger(Toasts.class);

    private Toasts() {
    }

    public static void success(String text) {
        Notification n = Notification.show(text, 3500, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.SUCCESS);
    }

    public static void info(String text) {
        Notification.show(text, 4000, Notification.Position.BOTTOM_START);
    }

    public static void error(String text) {
        Notification n = Notification.show(text, 6000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.ERROR);
    }

    /** Shows what went wrong, never a stack trace; returns the message shown (tests read it). */
    public static String failure(Throwable failure) {
        String text = describe(failure);
        error(text);
        return text;
    }

    /** The message for a service failure: the rule it broke, "not allowed", "changed by someone else"... */
    public static String describe(Throwable failure) {
        Throwable e = Exceptions.unwrap(failure);
        if (e instanceof AccessDeniedException) {
            return translate("error.not-allowed");
        }
        if (e instanceof OptimisticLockingFailureException) {
            return translate("error.conflict");
        }
        if (e instanceof IllegalArgumentException && e.getMessage() != null) {
            return e.getMessage();
        }
        log.error("Unexpected failure in a view", e);
        return translate("error.unexpected");
    }

    private static String translate(String key) {
        UI ui = UI.getCurrent();
        return ui == null ? key : ui.getTranslation(key);
    }
}
