package org.opendso.importer.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import org.opendso.importer.ImportRun;
import org.opendso.importer.ImportRunDetails;
import org.opendso.importer.ImportRuns;
import org.opendso.importer.RejectedLine;
import org.opendso.security.Staff;
import org.opendso.ui.Money;
import org.opendso.ui.Toasts;

/** One past run: what it did and the lines it rejected. */
class RunDialog extends Dialog {

    RunDialog(ImportRuns runs, Staff staff, ImportRun run) {
        setHeaderTitle(getTranslation("import.run.title", run.fileName() == null ? "#" + run.id() : run.fileName()));
        setWidth("48em");
        add(new Paragraph(getTranslation("import.run.summary", Money.dateTime(run.startedAt(), getLocale()),
                getTranslation("import.kind." + run.kind().name()), getTranslation("import.mode." + run.mode().name()),
                getTranslation("import.state." + run.state().name()), run.lines(), run.created(), run.updated(),
                run.unchanged(), run.closed(), run.rejected())));
        if (run.message() != null && !run.message().isBlank()) {
            add(new Paragraph(run.message()));
        }
        try {
            ImportRunDetails details = runs.find(staff, run.id()).block(); // allowed-blocking: Vaadin request thread
            if (details != null && !details.errors().isEmpty()) {
                Grid<RejectedLine> errors = new Grid<>(RejectedLine.class, false);
                errors.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.ROW_STRIPES);
                errors.addColumn(RejectedLine::line).setHeader(getTranslation("import.line")).setAutoWidth(true)
                        .setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
                errors.addColumn(RejectedLine::reason).setHeader(getTranslation("import.reason")).setFlexGrow(1);
                errors.setItems(details.errors());
                errors.setHeight("20em");
                add(errors);
            }
        } catch (RuntimeException e) {
            Toasts.failure(e);
        }
        Button close = new Button(getTranslation("action.done"), e -> close());
        close.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(close);
    }
}
