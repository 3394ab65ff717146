package org.opendso.action;

import java.util.List;
import org.opendso.item.OpenItem;

/**
 * A promise follow-up cannot be completed as "paid": these items are still open. The caller completes it anyway
 * (outcome UNPAID) or keeps it open (decision 0017). Nothing was saved.
 */
public class UnpaidItems extends IllegalStateException {

    private final transient SpecificAction action;
    private final transient List<OpenItem> open;

    public UnpaidItems(SpecificAction action, List<OpenItem> open) {
        super(open.size() == 1 ? "Item " + open.getFirst().number() + " is still open"
                : open.size() + " items are still open: " + String.join(", ", open.stream().map(OpenItem::number).toList()));
        this.action = action;
        this.open = List.copyOf(open);
    }

    public SpecificAction action() {
        return action;
    }

    public List<OpenItem> open() {
        return open;
    }
}
