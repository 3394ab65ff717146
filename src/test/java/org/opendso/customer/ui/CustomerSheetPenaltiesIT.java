package org.opendso.customer.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.ui.ViewTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/** The statement shows each item's penalty and indemnity, the header their totals, only when the company charges them. */
@IntegrationTest
class CustomerSheetPenaltiesIT extends ViewTestSupport {

    static final String ACCOUNT = "PEN-SHEET-001";

    @Autowired
    DatabaseClient db;

    @BeforeEach
    void account() {
        Long customer = db.sql("select id from customer where tenant_id = 1 and account = :a").bind("a", ACCOUNT)
                .map((r, m) -> r.get("id", Long.class)).one().block();
        if (customer == null) {
            customer = db.sql("insert into customer (tenant_id, account, name) values (1, :a, 'Pénalités SARL') returning id")
                    .bind("a", ACCOUNT).map((r, m) -> r.get("id", Long.class)).one().block();
            LocalDate today = LocalDate.now();
            item(customer, "INVOICE", "PS-LATE", today.minusDays(30), "1000.00");
            item(customer, "CREDIT_NOTE", "PS-CN", today.minusDays(30), "-200.00");
        }
        // a fixed 12.15 %: the figures below do not depend on the ECB rate of the day
        db.sql("update tenant set penalties_enabled = true, penalty_rate_mode = 'FIXED', penalty_rate = 12.15, "
                + "recovery_indemnity = 40 where id = 1").then().block();
    }

    @AfterEach
    void statutoryDefaults() {
        db.sql("update tenant set penalties_enabled = true, penalty_rate_mode = 'STATUTORY', penalty_rate = 12.15, "
                + "recovery_indemnity = 40 where id = 1").then().block();
    }

    private void item(long customer, String type, String number, LocalDate due, String amount) {
        db.sql("""
                insert into open_item (tenant_id, customer_id, type, number, issue_date, due_date, amount, open_amount, currency)
                values (1, :c, :type, :number, :issue, :due, :amount, :amount, 'EUR')""")
                .bind("c", customer).bind("type", type).bind("number", number)
                .bind("issue", due.minusDays(30)).bind("due", due).bind("amount", new BigDecimal(amount))
                .then().block();
    }

    private CustomerSheetView open() {
        UI.getCurrent().navigate(CustomerSheetView.class, new RouteParameters("account", ACCOUNT));
        return (CustomerSheetView) getCurrentView();
    }

    @Test
    void penaltyColumnsAndTotalWhenCharged() {
        login("admin");
        CustomerSheetView sheet = open();
        roundTrip();
        var grid = test(sheet.statement.grid);
        assertThat(grid.getHeaderCell(grid.getColumnPosition("penalty"))).isEqualTo("Penalty");
        assertThat(grid.getHeaderCell(grid.getColumnPosition("indemnity"))).isEqualTo("Indemnity");
        int late = -1;
        int credit = -1;
        for (int i = 0; i < grid.size(); i++) {
            String number = grid.getRow(i).number();
            late = number.equals("PS-LATE") ? i : late;
            credit = number.equals("PS-CN") ? i : credit;
        }
        // 1000 × 12.15 × 30 / 36500 = 9.986… → 9.99; a credit note owes nothing
        assertThat(grid.getCellText(late, grid.getColumnPosition("penalty"))).isEqualTo("9.99");
        assertThat(grid.getCellText(late, grid.getColumnPosition("indemnity"))).isEqualTo("40.00");
        assertThat(grid.getCellText(credit, grid.getColumnPosition("penalty"))).isEmpty();
        assertThat(grid.getCellText(credit, grid.getColumnPosition("indemnity"))).isEmpty();
        assertThat(sheet.figures).hasSize(5);
        assertThat(sheet.figures.get(4).value()).isEqualTo("€9.99 + €40.00");
    }

    @Test
    void noPenaltyColumnNorFigureWhenSwitchedOff() {
        db.sql("update tenant set penalties_enabled = false where id = 1").then().block();
        login("admin");
        CustomerSheetView sheet = open();
        assertThat(sheet.statement.grid.getColumnByKey("penalty")).isNull();
        assertThat(sheet.statement.grid.getColumnByKey("indemnity")).isNull();
        assertThat(sheet.figures).hasSize(4);
    }
}
