package org.opendso.importer.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.opendso.importer.ColumnMappings;
import org.opendso.importer.ImportKind;
import org.opendso.importer.ImportMode;
import org.opendso.importer.ImportPhase;
import org.opendso.importer.ImportReport;
import org.opendso.importer.ImportRequest;
import org.opendso.importer.ImportRun;
import org.opendso.importer.ImportRuns;
import org.opendso.importer.ImportService;
import org.opendso.importer.ImportSource;
import org.opendso.importer.ImportState;
import org.opendso.importer.RejectedLine;
import org.opendso.security.CurrentStaff;
import org.opendso.security.Staff;
import org.opendso.ui.Figure;
import org.opendso.ui.Money;
import org.opendso.ui.Tag;
import org.opendso.ui.Toasts;
import org.opendso.ui.UploadTexts;
import reactor.core.Disposable;

/**
 * Smart Upload: import a CSV of customers, contacts or open items with a live progress bar, then its report;
 * the history of runs; the tenant's column mapping per kind. The import runs on its own (not on the request
 * thread) and pushes its progress to the page. Leaving the page does not stop it: a big file keeps importing
 * and its outcome appears in the history.
 */
@Route("imports")
@Menu(title = "menu.imports", order = 20, icon = "vaadin:upload")
@RolesAllowed({"ADMIN", "COLLECTOR"})
public class ImportsView extends VerticalLayout implements HasDynamicTitle {

    private final ImportService imports;
    private final ImportRuns runs;
    private final Staff staff;

    final Select<ImportKind> kind = new Select<>();
    final RadioButtonGroup<ImportMode> mode = new RadioButtonGroup<>();
    final Checkbox partial = new Checkbox();
    final Upload upload;
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Div report = new Div();
    final Grid<RejectedLine> rejected = new Grid<>(RejectedLine.class, false);
    final Grid<ImportRun> history = new Grid<>(ImportRun.class, false);
    final MappingEditor mappingEditor;
    final TabSheet tabs = new TabSheet();

    private volatile ImportReport lastReport;
    private Disposable running;
    /** False once the page is left: the import goes on, the page just stops being told. */
    private volatile boolean watching = true;

    ImportsView(ImportService imports, ImportRuns runs, ColumnMappings mappings) {
        this.imports = imports;
        this.runs = runs;
        this.staff = CurrentStaff.require();
        addClassName("imports-view");
        setSizeFull();

        kind.setLabel(getTranslation("import.what"));
        kind.setItems(ImportKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("import.kind." + k.name()));
        kind.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                mode.setValue(e.getValue().defaultMode());
                mode.setHelperText(getTranslation("import.columns", String.join(", ", ColumnMappings.columns(e.getValue()))));
            }
        });
        mode.setLabel(getTranslation("import.mode"));
        mode.setItems(ImportMode.values());
        mode.setItemLabelGenerator(m -> getTranslation("import.mode." + m.name()));
        kind.setValue(ImportKind.ITEMS);
        partial.setLabel(getTranslation("import.partial"));
        partial.setTooltipText(getTranslation("import.partial.hint"));

        upload = new Upload(UploadHandler.toTempFile((meta, file) -> start(meta.fileName(), file.toPath())));
        upload.setAcceptedFileTypes(".csv", ".txt", "text/csv", "text/plain");
        upload.setMaxFiles(1);
        UploadTexts.apply(upload);
        upload.setDropLabel(new Span(getTranslation("import.drop")));
        upload.setUploadButton(new Button(getTranslation("import.choose"), new Icon(VaadinIcon.UPLOAD)));
        upload.setWidthFull();

        progress.setWidthFull();
        progress.setVisible(false);
        progressText.addClassName("result-count");
        report.addClassName("import-report");
        report.setWidthFull();

        HorizontalLayout options = new HorizontalLayout(kind, mode);
        options.setAlignItems(FlexComponent.Alignment.BASELINE);
        options.setWrap(true);
        VerticalLayout newImport = new VerticalLayout(new Paragraph(getTranslation("import.hint")), options, partial,
                upload, progress, progressText, report);
        newImport.setPadding(false);

        mappingEditor = new MappingEditor(mappings, staff);
        tabs.add(getTranslation("import.tab.new"), newImport);
        tabs.add(getTranslation("import.tab.history"), historyPanel());
        tabs.add(getTranslation("import.tab.mapping"), mappingEditor);
        tabs.setSizeFull();
        tabs.addSelectedChangeListener(e -> history.getDataProvider().refreshAll());
        add(tabs);
    }

    private VerticalLayout historyPanel() {
        history.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.LUMO_COMPACT);
        history.setSizeFull();
        history.addColumn(r -> Money.dateTime(r.startedAt(), getLocale())).setHeader(getTranslation("imports.started"))
                .setKey("startedAt").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(r -> getTranslation("import.kind." + r.kind().name())).setHeader(getTranslation("imports.kind"))
                .setKey("kind").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(r -> getTranslation("import.source." + r.source().name()))
                .setHeader(getTranslation("imports.source")).setKey("source").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(r -> r.fileName() == null ? "" : r.fileName()).setHeader(getTranslation("imports.file"))
                .setKey("file").setWidth("12rem").setFlexGrow(2).setTooltipGenerator(ImportRun::fileName);
        history.addColumn(r -> r.userName() == null ? getTranslation("imports.automatic") : r.userName())
                .setHeader(getTranslation("imports.by")).setKey("user").setFlexGrow(1);
        history.addComponentColumn(r -> stateTag(r.state())).setHeader(getTranslation("imports.state"))
                .setKey("state").setAutoWidth(true).setFlexGrow(0);
        addCount(history, "lines", "imports.lines", ImportRun::lines);
        addCount(history, "created", "imports.created", ImportRun::created);
        addCount(history, "updated", "imports.updated", ImportRun::updated);
        addCount(history, "unchanged", "imports.unchanged", ImportRun::unchanged);
        addCount(history, "closed", "imports.closed", ImportRun::closed);
        addCount(history, "rejected", "imports.rejected", ImportRun::rejected);
        history.setItems(q -> runs.recent(staff, q.getPage(), q.getPageSize())
                        .toStream(), // allowed-blocking: Vaadin request thread
                q -> runs.count(staff).map(Long::intValue).block()); // allowed-blocking: Vaadin request thread
        history.setEmptyStateText(getTranslation("imports.none"));
        history.addItemClickListener(e -> new RunDialog(runs, staff, e.getItem()).open());
        VerticalLayout panel = new VerticalLayout(history);
        panel.setPadding(false);
        panel.setSizeFull();
        return panel;
    }

    private void addCount(Grid<ImportRun> grid, String key, String header, java.util.function.ToLongFunction<ImportRun> value) {
        grid.addColumn(r -> value.applyAsLong(r)).setHeader(getTranslation(header)).setKey(key)
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
    }

    Tag stateTag(ImportState state) {
        String tone = switch (state) {
            case SUCCEEDED -> "success";
            case RUNNING -> "primary";
            case REJECTED -> "warning";
            case FAILED -> "error";
        };
        return new Tag(getTranslation("import.state." + state.name()), tone);
    }

    /** Called in ui.access once the upload is complete: the import itself runs elsewhere. */
    private void start(String fileName, Path uploaded) {
        if (running != null && !running.isDisposed()) {
            Toasts.error(getTranslation("import.busy"));
            delete(uploaded);
            return;
        }
        Path file;
        try {
            // ours until the import is over, whatever the upload handler does with its temporary file
            file = Files.createTempFile("opendso-upload-", ".csv");
            Files.move(uploaded, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        UI ui = UI.getCurrent();
        ImportRequest request = new ImportRequest(kind.getValue(), mode.getValue(), partial.getValue(),
                ImportSource.UPLOAD, fileName);
        lastReport = null;
        report.removeAll();
        progress.setVisible(true);
        progress.setIndeterminate(false);
        progress.setValue(0);
        progressText.setText(getTranslation("import.phase.READING", 0));
        upload.setEnabled(false);
        running = imports.run(staff, request, file, (phase, lines, fraction) -> tell(ui, () -> showProgress(phase, lines, fraction)))
                .doFinally(signal -> delete(file))
                .subscribe(
                        done -> tell(ui, () -> finished(done)),
                        error -> tell(ui, () -> failed(error)));
    }

    private void tell(UI ui, com.vaadin.flow.server.Command update) {
        if (watching) {
            ui.access(update);
        }
    }

    private void showProgress(ImportPhase phase, long lines, double fraction) {
        progress.setIndeterminate(phase == ImportPhase.CHECKING || phase == ImportPhase.MERGING);
        progress.setValue(Math.max(0, Math.min(1, fraction)));
        progressText.setText(getTranslation("import.phase." + phase.name(), lines));
    }

    private void finished(ImportReport done) {
        lastReport = done;
        progress.setIndeterminate(false);
        progress.setValue(1);
        progress.setVisible(false);
        progressText.setText("");
        upload.setEnabled(true);
        upload.clearFileList();
        showReport(done);
        history.getDataProvider().refreshAll();
    }

    private void failed(Throwable error) {
        progress.setVisible(false);
        progressText.setText("");
        upload.setEnabled(true);
        upload.clearFileList();
        Toasts.failure(error);
    }

    private void showReport(ImportReport r) {
        report.removeAll();
        H3 title = new H3(getTranslation("import.report"));
        HorizontalLayout head = new HorizontalLayout(title, stateTag(r.state()));
        head.setAlignItems(FlexComponent.Alignment.CENTER);
        Div figures = new Div();
        figures.addClassName("figures");
        figures.add(new Figure(getTranslation("imports.lines"), String.valueOf(r.lines())),
                new Figure(getTranslation("imports.created"), String.valueOf(r.created())).tone("success"),
                new Figure(getTranslation("imports.updated"), String.valueOf(r.updated())).tone("primary"),
                new Figure(getTranslation("imports.unchanged"), String.valueOf(r.unchanged())),
                new Figure(getTranslation("imports.closed"), String.valueOf(r.closed())).tone("warning"),
                new Figure(getTranslation("imports.rejected"), String.valueOf(r.rejectedCount()))
                        .tone(r.rejectedCount() > 0 ? "error" : "neutral"));
        report.add(head, figures);
        if (r.message() != null && !r.message().isBlank()) {
            Paragraph message = new Paragraph(r.message());
            message.addClassName("import-message");
            report.add(message);
        }
        if (!r.rejected().isEmpty()) {
            rejected.removeAllColumns();
            rejected.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.ROW_STRIPES);
            rejected.addColumn(RejectedLine::line).setHeader(getTranslation("import.line")).setKey("line")
                    .setAutoWidth(true).setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
            rejected.addColumn(RejectedLine::reason).setHeader(getTranslation("import.reason")).setKey("reason").setFlexGrow(1);
            rejected.setItems(r.rejected());
            rejected.setAllRowsVisible(r.rejected().size() <= 12);
            rejected.setHeight(r.rejected().size() <= 12 ? null : "24em");
            report.add(rejected);
        }
        if (r.state() == ImportState.SUCCEEDED) {
            Toasts.success(getTranslation("import.done", r.lines()));
        }
    }

    ImportReport lastReport() {
        return lastReport;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file left behind is cleaned by the OS
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        watching = false;
        super.onDetach(detachEvent);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("imports.title");
    }
}
