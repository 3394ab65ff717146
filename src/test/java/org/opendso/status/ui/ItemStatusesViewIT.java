package org.opendso.status.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opendso.IntegrationTest;
import org.opendso.security.CurrentStaff;
import org.opendso.security.Staff;
import org.opendso.status.ItemStatus;
import org.opendso.status.StatusCategory;
import org.opendso.status.StatusDraft;
import org.opendso.status.StatusUsage;
import org.opendso.status.Statuses;
import org.opendso.ui.UiLocale;
import org.opendso.ui.ViewTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

@IntegrationTest
class ItemStatusesViewIT extends ViewTestSupport {

    @Autowired
    Statuses statuses;

    @Autowired
    DatabaseClient db;

    @Test
    void onlyAnAdminOpensTheStatusesSettings() {
        login("collector");
        UI.getCurrent().navigate("settings/statuses");
        assertThat(getCurrentView()).isNotInstanceOf(ItemStatusesView.class);
    }

    @Test
    void theGridListsTheStandardStatusesWithTheirCategoryAndUse() {
        login("admin");
        ItemStatusesView view = navigate(ItemStatusesView.class);
        List<StatusUsage> rows = rows(view);
        assertThat(rows).extracting(u -> u.status().code())
                .contains("REMINDER_SENT", "PROMISE_TO_PAY", "PRICE_DISPUTE", "DISPUTE_RESOLVED", "LITIGATION");
        assertThat(rows).extracting(u -> u.status().category()).containsAll(List.of(StatusCategory.values()));
        int priceDispute = rows.indexOf(rows.stream().filter(u -> u.status().code().equals("PRICE_DISPUTE")).findFirst().orElseThrow());
        var grid = test(view.grid);
        assertThat(grid.getCellText(priceDispute, grid.getColumnPosition("label"))).isEqualTo("Price dispute");
        assertThat(grid.getCellText(priceDispute, grid.getColumnPosition("followUpDays"))).isEqualTo("14");
        CategoryTag tag = (CategoryTag) grid.getCellComponent(priceDispute, "category");
        assertThat(tag.getText()).isEqualTo("Dispute");
        assertThat(tag.getClassNames()).contains("tag", "tag-warning");
        assertThat(grid.getCellText(priceDispute, grid.getColumnPosition("openItems"))).matches("\\d+");
    }

    @Test
    void theLabelsFollowTheLanguageOfTheInterface() {
        login("admin");
        UI.getCurrent().setLocale(UiLocale.FRENCH);
        ItemStatusesView view = navigate(ItemStatusesView.class);
        List<StatusUsage> rows = rows(view);
        int litigation = rows.indexOf(rows.stream().filter(u -> u.status().code().equals("LITIGATION")).findFirst().orElseThrow());
        var grid = test(view.grid);
        assertThat(grid.getCellText(litigation, grid.getColumnPosition("label"))).isEqualTo("Transmis au contentieux");
        assertThat(((CategoryTag) grid.getCellComponent(litigation, "category")).getText()).isEqualTo("Contentieux");
        assertThat(view.getPageTitle()).isEqualTo("Statuts des pièces");
    }

    @Test
    void anAdminCreatesAStatusThroughTheDialog() {
        login("admin");
        ItemStatusesView view = navigate(ItemStatusesView.class);
        int before = rows(view).size();
        test(view.create).click();
        StatusDialog dialog = $(StatusDialog.class).single();
        test(dialog.code).setValue("view waiting for credit note");
        test(dialog.labelEn).setValue("Waiting for credit note");
        test(dialog.labelFr).setValue("Attente d’avoir");
        test(dialog.category).selectItem("Dispute");
        dialog.followUpDays.setValue(12);
        test(dialog.save).click();

        assertThat($(StatusDialog.class).exists()).isFalse();
        assertThat(notifications()).contains("Status \"Waiting for credit note\" created");
        assertThat(rows(view)).hasSize(before + 1);
        ItemStatus saved = statuses.byCode(tenant(), "VIEW_WAITING_FOR_CREDIT_NOTE").block();
        assertThat(saved.labelFr()).isEqualTo("Attente d’avoir");
        assertThat(saved.category()).isEqualTo(StatusCategory.DISPUTE);
        assertThat(saved.followUpDays()).isEqualTo(12);
    }

    @Test
    void mistakesAreToldOnTheFieldAndTheDialogStaysOpen() {
        login("admin");
        ItemStatusesView view = navigate(ItemStatusesView.class);
        test(view.create).click();
        StatusDialog dialog = $(StatusDialog.class).single();
        test(dialog.code).setValue("reminder sent");
        test(dialog.labelEn).setValue("Again");
        test(dialog.save).click();
        assertThat(dialog.code.isInvalid()).isTrue();
        assertThat(dialog.code.getErrorMessage()).isEqualTo("Another status already has this code.");
        assertThat(dialog.labelFr.isInvalid()).isTrue();
        assertThat($(StatusDialog.class).exists()).isTrue();
        test(dialog.code).setValue("x");
        test(dialog.save).click();
        assertThat(dialog.code.getErrorMessage()).isEqualTo("2 to 40 letters A-Z, digits or _.");
        assertThat(statuses.byCode(tenant(), "X").blockOptional()).isEmpty();
    }

    @Test
    void anAdminRenamesAStatus() {
        login("admin");
        statuses.create(CurrentStaff.require(), new StatusDraft("VIEW_RENAME", "Before", "Avant", StatusCategory.ON_GOING, 3))
                .block();
        ItemStatusesView view = navigate(ItemStatusesView.class);
        action(view, "VIEW_RENAME", 0);
        StatusDialog dialog = $(StatusDialog.class).single();
        assertThat(dialog.code.isReadOnly()).isTrue();
        test(dialog.labelEn).setValue("After");
        test(dialog.save).click();
        assertThat($(StatusDialog.class).exists()).isFalse();
        assertThat(row(view, "VIEW_RENAME").status().labelEn()).isEqualTo("After");
        assertThat(row(view, "VIEW_RENAME").status().labelFr()).isEqualTo("Avant");
    }

    @Test
    void deletingAStatusInUseAsksWhereItsItemsGo() {
        login("admin");
        Staff admin = CurrentStaff.require();
        ItemStatus old = statuses.create(admin, new StatusDraft("VIEW_OLD", "Old", "Ancien", StatusCategory.ON_GOING, 3)).block();
        db.sql("""
                update open_item set status_id = :s, status_date = current_date, last_comment = 'set by the view test'
                where id in (select o.id from open_item o join customer c on c.id = o.customer_id
                             where c.tenant_id = :t and c.account = 'DEMO-049' and o.closed_at is null limit 2)""")
                .bind("s", old.id()).bind("t", admin.tenantId()).then().block();
        statuses.create(admin, new StatusDraft("VIEW_UNUSED", "Unused", "Inutilisé", StatusCategory.ON_GOING, 3)).block();
        ItemStatusesView view = navigate(ItemStatusesView.class);
        assertThat(row(view, "VIEW_OLD").openItems()).isEqualTo(2);

        action(view, "VIEW_OLD", 1);
        ReplacementDialog dialog = $(ReplacementDialog.class).single();
        test(dialog.delete).click();
        assertThat(dialog.replacement.isInvalid()).as("a replacement is required").isTrue();
        assertThat(dialog.replacement.getListDataView().getItems().map(ItemStatus::code)).doesNotContain("VIEW_OLD");
        test(dialog.replacement).selectItem("Reminder sent (REMINDER_SENT)");
        test(dialog.delete).click();

        assertThat($(ReplacementDialog.class).exists()).isFalse();
        assertThat(notifications()).contains("Status \"Old\" deleted; 2 items moved to \"Reminder sent\"");
        assertThat(rows(view)).noneMatch(u -> u.status().code().equals("VIEW_OLD"));
        assertThat(db.sql("""
                        select count(*) as n from open_item o join item_status s on s.id = o.status_id
                        where s.code = 'REMINDER_SENT' and o.last_comment = 'set by the view test'""")
                .map(r -> r.get("n", Long.class)).one().block()).isEqualTo(2L);

        // a status nobody carries only needs a confirmation
        action(view, "VIEW_UNUSED", 1);
        assertThat($(ReplacementDialog.class).exists()).isFalse();
        test($(ConfirmDialog.class).single()).confirm();
        assertThat(rows(view)).noneMatch(u -> u.status().code().equals("VIEW_UNUSED"));
        assertThat(statuses.byCode(admin.tenantId(), "VIEW_UNUSED").blockOptional()).isEmpty();
    }

    /** Clicks a row's action button: 0 edit, 1 delete. */
    private void action(ItemStatusesView view, String code, int button) {
        List<StatusUsage> rows = rows(view);
        int index = rows.indexOf(row(view, code));
        HorizontalLayout actions = (HorizontalLayout) test(view.grid).getCellComponent(index, "actions");
        test((Button) actions.getComponentAt(button)).click();
    }

    private long tenant() {
        return CurrentStaff.require().tenantId();
    }

    private StatusUsage row(ItemStatusesView view, String code) {
        return rows(view).stream().filter(u -> u.status().code().equals(code)).findFirst().orElseThrow();
    }

    private List<StatusUsage> rows(ItemStatusesView view) {
        var grid = test(view.grid);
        List<StatusUsage> rows = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            rows.add(grid.getRow(i));
        }
        return rows;
    }
}
