package org.opendso.agenda.ui;

import com.vaadin.flow.component.Component;
import org.opendso.agenda.ActionChanged;
import org.opendso.agenda.InvalidAction;
import org.opendso.agenda.UnknownAction;
import org.opendso.ui.Toasts;
import reactor.core.Exceptions;

/** What the letter and call dialogs tell a collector when a change is refused: the rule, never a stack trace. */
final class ActionProblems {

    private ActionProblems() {
    }

    static String describe(Component texts, Throwable failure) {
        Throwable e = Exceptions.unwrap(failure);
        return switch (e) {
            case ActionChanged c -> texts.getTranslation("letter.changed",
                    c.current() == null ? "?" : texts.getTranslation("letter.state." + c.current().state()));
            case InvalidAction i -> i.getMessage();
            case UnknownAction u -> u.getMessage();
            default -> Toasts.describe(e);
        };
    }

    static void show(Component texts, Throwable failure) {
        Toasts.error(describe(texts, failure));
    }
}
