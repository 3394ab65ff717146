package org.opendso.customer.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.opendso.customer.Customer;
import org.opendso.importer.CustomerImportRun;
import org.opendso.importer.ImportRuns;
import org.opendso.security.Staff;
import org.opendso.ui.Money;
import org.opendso.ui.Toasts;

/** The import runs that created, changed or closed something of this account. */
class ImportHistoryPanel extends VerticalLayout {

    final Grid<CustomerImportRun> grid = new Grid<>(CustomerImportRun.class, false);

    ImportHistoryPanel(ImportRuns runs, Staff staff, Customer customer) {
        setPadding(false);
        setSizeFull();
        addClassName("import-history");
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        grid.addColumn(r -> Money.dateTime(r.startedAt(), getLocale())).setHeader(getTranslation("imports.started"))
                .setKey("startedAt").setAutoWidth(true);
        grid.addColumn(r -> getTranslation("import.kind." + r.kind().name())).setHeader(getTranslation("imports.kind"))
                .setKey("kind").setAutoWidth(true);
        grid.addColumn(r -> getTranslation("import.source." + r.source().name()))
                .setHeader(getTranslation("imports.source")).setKey("source").setAutoWidth(true);
        grid.addColumn(r -> r.fileName() == null ? "" : r.fileName()).setHeader(getTranslation("imports.file"))
                .setKey("file").setFlexGrow(2);
        grid.addColumn(r -> r.userName() == null ? getTranslation("imports.automatic") : r.userName())
                .setHeader(getTranslation("imports.by")).setKey("user").setFlexGrow(1);
        grid.addColumn(CustomerImportRun::created).setHeader(getTranslation("imports.created")).setKey("created")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(CustomerImportRun::updated).setHeader(getTranslation("imports.updated")).setKey("updated")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(CustomerImportRun::closed).setHeader(getTranslation("imports.closed")).setKey("closed")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("sheet.imports.none"));
        add(grid);
        try {
            grid.setItems(runs.ofCustomer(staff, customer.id()).collectList().block()); // allowed-blocking: Vaadin request thread
        } catch (RuntimeException e) {
            Toasts.failure(e);
        }
    }
}
