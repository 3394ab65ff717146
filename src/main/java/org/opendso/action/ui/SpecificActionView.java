package org.opendso.action.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.opendso.action.SpecificAction;
import org.opendso.action.SpecificActions;
import org.opendso.action.UnknownSpecificAction;
import org.opendso.security.CurrentStaff;
import org.opendso.security.Staff;
import reactor.core.Exceptions;

/**
 * {@code /actions/{id}}: the address a notification mail links to. Behind the login like every page (Vaadin's
 * security sends a visitor to the login form and back here), it opens the action's dialog at once, so a sales
 * manager can complete it or add a note; an action the user does not see is "not found".
 */
@Route("actions/:id")
@PermitAll
public class SpecificActionView extends VerticalLayout implements BeforeEnterObserver, AfterNavigationObserver, HasDynamicTitle {

    private final SpecificActions actions;
    private final SpecificActionDialogs dialogs;
    private final Staff staff;
    final Paragraph message = new Paragraph();
    SpecificAction action;
    ActionDialog dialog;

    SpecificActionView(SpecificActions actions, SpecificActionDialogs dialogs) {
        this.actions = actions;
        this.dialogs = dialogs;
        this.staff = CurrentStaff.require();
        addClassName("specific-action-view");
        add(new H2(getTranslation("actions.view.title")), message);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        try {
            action = actions.visible(staff, Long.parseLong(id)).block(); // allowed-blocking: Vaadin request thread
            message.setText(getTranslation("sheet.actions.kind." + action.kind().name()) + " · " + action.account()
                    + " · " + action.customerName());
        } catch (NumberFormatException e) {
            action = null;
            message.setText(getTranslation("actions.view.unknown"));
        } catch (RuntimeException e) {
            if (!(Exceptions.unwrap(e) instanceof UnknownSpecificAction)) {
                throw e;
            }
            action = null;
            message.setText(getTranslation("actions.view.unknown"));
        }
    }

    /** After each navigation (the view is reused from one action's address to another's): that action's dialog. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        if (dialog != null) {
            dialog.close();
            dialog = null;
        }
        if (action != null) {
            dialog = dialogs.open(staff, action, this::reload);
        }
    }

    private void reload() {
        action = actions.visible(staff, action.id()).block(); // allowed-blocking: Vaadin request thread
        dialog = dialogs.open(staff, action, this::reload);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("actions.view.title");
    }
}
