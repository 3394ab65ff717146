package org.opendso.agenda;

import java.util.List;

/** An email action done: the action as it now is and the mail(s) queued for it, one per recipient. */
public record EmailSent(PlannedAction action, List<Long> mailIds) {

    /** The mail the action records (the first recipient's). */
    public long mailId() {
        return mailIds.getFirst();
    }
}
