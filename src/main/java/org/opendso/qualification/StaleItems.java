package org.opendso.qualification;

import java.util.List;
import org.opendso.item.OpenItem;

/**
 * Someone changed (or an import closed) some of the items since the user saw them: nothing was saved. Carries
 * the current state of those items, with who changed them last and when, so the user can decide.
 */
public class StaleItems extends RuntimeException {

    private final transient List<OpenItem> current;

    public StaleItems(List<OpenItem> current) {
        super(message(current));
        this.current = List.copyOf(current);
    }

    public List<OpenItem> current() {
        return current;
    }

    private static String message(List<OpenItem> current) {
        StringBuilder s = new StringBuilder("These items changed since you opened them: ");
        for (int i = 0; i < current.size(); i++) {
            OpenItem item = current.get(i);
            s.append(i == 0 ? "" : ", ").append(item.number());
            var q = item.qualification();
            if (!item.isOpen()) {
                s.append(" (closed)");
            } else if (q.changedBy() != null) {
                s.append(" (").append(q.statusCode() == null ? "changed" : q.statusCode()).append(" by ")
                        .append(q.changedBy()).append(")");
            }
        }
        return s.append(". Nothing was saved.").toString();
    }
}
