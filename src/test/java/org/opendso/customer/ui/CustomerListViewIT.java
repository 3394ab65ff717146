package org.opendso.customer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.provider.SortDirection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.customer.CustomerRow;
import org.opendso.ui.ViewTestSupport;

@IntegrationTest
class CustomerListViewIT extends ViewTestSupport {

    @Test
    void collectorSeesOnlyTheAccountsAssignedToThem() {
        login("collector");
        CustomerListView view = navigate(CustomerListView.class);
        // other tests of the run add accounts of their own to the demo company
        test(view.search).setValue("DEMO-");
        assertThat(view.count.getText()).isEqualTo("40 customers");
        List<String> accounts = accounts(view.grid);
        assertThat(accounts).hasSize(40).contains("DEMO-001", "DEMO-004", "DEMO-006")
                .doesNotContain("DEMO-005", "DEMO-010", "DEMO-050");
        assertThat(view.assign.isVisible()).isFalse();
    }

    @Test
    void salesManagerSeesTheOddAccounts() {
        login("sales");
        CustomerListView view = navigate(CustomerListView.class);
        assertThat(view.count.getText()).isEqualTo("25 customers");
        assertThat(accounts(view.grid)).allMatch(a -> Integer.parseInt(a.substring(5)) % 2 == 1);
    }

    @Test
    void searchAndOverdueFilterNarrowTheList() {
        login("collector");
        CustomerListView view = navigate(CustomerListView.class);
        test(view.search).setValue("demo-01");
        // DEMO-010 and DEMO-015 are not the collector's
        assertThat(accounts(view.grid)).containsExactly("DEMO-011", "DEMO-012", "DEMO-013", "DEMO-014",
                "DEMO-016", "DEMO-017", "DEMO-018", "DEMO-019");
        test(view.search).setValue("atelier");
        assertThat(accounts(view.grid)).containsExactly("DEMO-001");
        assertThat(view.count.getText()).isEqualTo("1 customer");

        test(view.search).clear();
        test(view.overdueOnly).click();
        List<CustomerRow> overdue = rows(view.grid);
        assertThat(overdue).isNotEmpty().allMatch(r -> r.overdue().signum() > 0);
        assertThat(view.count.getText()).isEqualTo(overdue.size() + " customers");
    }

    @Test
    void sortsOnTheServerByBalance() {
        login("admin");
        CustomerListView view = navigate(CustomerListView.class);
        test(view.search).setValue("DEMO-");
        test(view.grid).sortByColumn("BALANCE", SortDirection.DESCENDING);
        List<CustomerRow> rows = rows(view.grid);
        assertThat(rows).hasSize(50);
        assertThat(rows).extracting(CustomerRow::balance).isSortedAccordingTo((a, b) -> b.compareTo(a));
        // amounts are shown with their currency
        assertThat(test(view.grid).getCellText(0, test(view.grid).getColumnPosition("BALANCE"))).matches("[€£].*\\d");
    }

    @Test
    void filterByAssignedSalesManager() {
        login("admin");
        CustomerListView view = navigate(CustomerListView.class);
        test(view.salesManager).selectItem("Sam Sales");
        assertThat(view.count.getText()).isEqualTo("25 customers");
    }

    @Test
    void adminAssignsSelectedCustomersToACollector() {
        login("admin");
        CustomerListView view = navigate(CustomerListView.class);
        test(view.search).setValue("DEMO-050");
        assertThat(accounts(view.grid)).containsExactly("DEMO-050");
        test(view.grid).select(0);
        assertThat(view.assign.getText()).isEqualTo("Assign 1 selected…");
        test(view.assign).click();

        AssignDialog dialog = $(AssignDialog.class).single();
        assertThat(dialog.scope.getValue()).isEqualTo(AssignDialog.Scope.SELECTED);
        test(dialog.user).selectItem("Alice Admin (admin)");
        test(dialog.confirm).click();

        assertThat($(AssignDialog.class).exists()).isFalse();
        assertThat(notifications()).contains("1 customers assigned");
        assertThat(rows(view.grid).getFirst().collectors()).isEqualTo("Alice Admin");
    }

    @Test
    void clickingARowOpensTheSheet() {
        login("collector");
        CustomerListView view = navigate(CustomerListView.class);
        test(view.grid).clickRow(0);
        assertThat(getCurrentView()).isInstanceOf(CustomerSheetView.class);
        assertThat(((CustomerSheetView) getCurrentView()).customer().account()).isEqualTo("DEMO-001");
    }

    private List<String> accounts(Grid<CustomerRow> grid) {
        return rows(grid).stream().map(CustomerRow::account).toList();
    }

    private List<CustomerRow> rows(Grid<CustomerRow> grid) {
        var tester = test(grid);
        List<CustomerRow> rows = new ArrayList<>();
        for (int i = 0; i < tester.size(); i++) {
            rows.add(tester.getRow(i));
        }
        return rows;
    }
}
