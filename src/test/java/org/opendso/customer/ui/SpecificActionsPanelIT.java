package org.opendso.customer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouteParameters;
import org.junit.jupiter.api.Test;
import org.opendso.action.ActionState;
import org.opendso.action.SpecificAction;
import org.opendso.action.ui.CancelActionDialog;
import org.opendso.action.ui.CreateActionDialog;
import org.opendso.ui.ViewTestSupport;

/**
 * The sheet's specific actions tab: an action is created with the tab's button and cancelled from its row, the
 * list following (the dialogs themselves are tested in {@code SpecificActionViewsIT}). On DEMO-045, which no other
 * test reads.
 */
class SpecificActionsPanelIT extends ViewTestSupport {

    @Test
    void createdFromTheTabOpenFirstThenCancelledFromItsRow() {
        login("admin");
        UI.getCurrent().navigate(CustomerSheetView.class, new RouteParameters("account", "DEMO-045"));
        roundTrip();
        CustomerSheetView sheet = (CustomerSheetView) getCurrentView();
        test(sheet.tabs).select("Actions");
        roundTrip();
        SpecificActionsPanel panel = sheet.actionsPanel;
        int before = test(panel.grid).size();

        test(panel.create).click();
        roundTrip();
        CreateActionDialog create = $(CreateActionDialog.class).single();
        test($(Grid.class).from(create).single()).select(0);
        test($(Button.class).from(create).withText("Create").single()).click();
        roundTrip();
        assertThat(create.isOpened()).isFalse();
        assertThat(test(panel.grid).size()).isEqualTo(before + 1);
        SpecificAction created = test(panel.grid).getRow(0);
        assertThat(created.state()).isEqualTo(ActionState.OPEN);
        assertThat(created.assigneeLogin()).isEqualTo("admin");
        assertThat(test(panel.grid).getCellText(0, test(panel.grid).getColumnPosition("kind"))).isEqualTo("Dispute follow-up");

        HorizontalLayout buttons = (HorizontalLayout) test(panel.grid).getCellComponent(0, "actions");
        test((Button) buttons.getComponentAt(2)).click();
        roundTrip();
        CancelActionDialog cancel = $(CancelActionDialog.class).single();
        test($(TextArea.class).from(cancel).single()).setValue("Created to try the button");
        test($(Button.class).from(cancel).withText("Cancel the action").single()).click();
        roundTrip();
        assertThat(test(panel.grid).size()).isEqualTo(before + 1);
        assertThat(test(panel.grid).getRow(before).id()).as("closed ones after the open ones").isEqualTo(created.id());
        assertThat(test(panel.grid).getRow(before).state()).isEqualTo(ActionState.CANCELLED);
        assertThat(notifications()).contains("Specific action created.", "Action cancelled.");
    }
}
