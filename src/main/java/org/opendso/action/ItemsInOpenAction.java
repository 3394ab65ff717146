package org.opendso.action;

import java.util.List;

/**
 * An item asked for is already in another open specific action (an item is in at most one): {@code field} names
 * it ({@code items[i]}), {@code actions} are the open actions holding the items. The API answers 409. An
 * {@link InvalidSpecificAction}, so that callers knowing only that (a qualification's step 3) still explain it.
 */
public class ItemsInOpenAction extends InvalidSpecificAction {

    private final List<Long> actions;

    public ItemsInOpenAction(String field, String message, List<Long> actions) {
        super(field, message);
        this.actions = List.copyOf(actions);
    }

    public List<Long> actions() {
        return actions;
    }
}
