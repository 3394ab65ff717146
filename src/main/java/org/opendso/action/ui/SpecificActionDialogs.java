package org.opendso.action.ui;

import java.util.List;
import org.opendso.action.ActionCompletions;
import org.opendso.action.Resolver;
import org.opendso.action.SpecificAction;
import org.opendso.action.SpecificActions;
import org.opendso.item.ItemFilter;
import org.opendso.item.OpenItem;
import org.opendso.item.OpenItems;
import org.opendso.security.Staff;
import org.springframework.stereotype.Component;

/**
 * Opens the specific-action dialogs with what they need, so that a view (the sheet, the agenda, the action's own
 * page) needs this one bean. Call on a Vaadin request thread; {@code onChanged} runs after a save.
 */
@Component
public class SpecificActionDialogs {

    private final SpecificActions actions;
    private final ActionCompletions completions;
    private final OpenItems openItems;

    SpecificActionDialogs(SpecificActions actions, ActionCompletions completions, OpenItems openItems) {
        this.actions = actions;
        this.completions = completions;
        this.openItems = openItems;
    }

    /** A new action on the account; {@code selected}: the items to tick at first. */
    public CreateActionDialog create(Staff staff, long customerId, List<OpenItem> selected, Runnable onChanged) {
        List<OpenItem> open = openItems.ofCustomer(staff.tenantId(), customerId, ItemFilter.OPEN).collectList()
                .block(); // allowed-blocking: Vaadin request thread
        CreateActionDialog dialog = new CreateActionDialog(actions, staff, customerId, open, resolvers(staff, customerId),
                selected, onChanged);
        dialog.open();
        return dialog;
    }

    /** The action with its buttons (complete, edit, cancel when open): what the agenda and the mail's link open. */
    public ActionDialog open(Staff staff, SpecificAction action, Runnable onChanged) {
        ActionDialog dialog = new ActionDialog(this, staff, action, onChanged);
        dialog.open();
        return dialog;
    }

    public CompleteActionDialog complete(Staff staff, SpecificAction action, Runnable onChanged) {
        CompleteActionDialog dialog = new CompleteActionDialog(completions, staff, action, onChanged);
        dialog.open();
        return dialog;
    }

    public CancelActionDialog cancel(Staff staff, SpecificAction action, Runnable onChanged) {
        CancelActionDialog dialog = new CancelActionDialog(completions, staff, action, onChanged);
        dialog.open();
        return dialog;
    }

    public EditActionDialog edit(Staff staff, SpecificAction action, Runnable onChanged) {
        EditActionDialog dialog = new EditActionDialog(actions, staff, action, resolvers(staff, action.customerId()),
                onChanged);
        dialog.open();
        return dialog;
    }

    private List<Resolver> resolvers(Staff staff, long customerId) {
        return actions.resolvers(staff, customerId).collectList().block(); // allowed-blocking: Vaadin request thread
    }
}
