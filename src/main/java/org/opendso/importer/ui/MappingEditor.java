package org.opendso.importer.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opendso.importer.ColumnMappings;
import org.opendso.importer.ImportKind;
import org.opendso.security.Staff;
import org.opendso.ui.Toasts;

/**
 * The tenant's column mapping of one kind: "their header → our column" rows. Headers not listed are read
 * through the built-in English and French aliases.
 */
class MappingEditor extends VerticalLayout {

    private final ColumnMappings mappings;
    private final Staff staff;

    final Select<ImportKind> kind = new Select<>();
    final Div rows = new Div();
    final List<Row> entries = new ArrayList<>();
    final Button addRow = new Button();
    final Button save = new Button();
    private final Paragraph columns = new Paragraph();

    record Row(TextField header, Select<String> column, HorizontalLayout layout) {
    }

    MappingEditor(ColumnMappings mappings, Staff staff) {
        this.mappings = mappings;
        this.staff = staff;
        setPadding(false);
        addClassName("mapping-editor");

        kind.setLabel(getTranslation("import.what"));
        kind.setItems(ImportKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("import.kind." + k.name()));
        kind.addValueChangeListener(e -> load());
        columns.addClassName("import-message");

        addRow.setText(getTranslation("mapping.add"));
        addRow.setIcon(new Icon(VaadinIcon.PLUS));
        addRow.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addRow.addClickListener(e -> addRow("", null));
        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> save());
        rows.addClassName("mapping-rows");

        add(new Paragraph(getTranslation("mapping.hint")), kind, columns, rows, addRow, save);
        kind.setValue(ImportKind.ITEMS);
    }

    void load() {
        ImportKind k = kind.getValue();
        if (k == null) {
            return;
        }
        columns.setText(getTranslation("mapping.columns", String.join(", ", ColumnMappings.columns(k)),
                String.join(", ", ColumnMappings.requiredColumns(k))));
        rows.removeAll();
        entries.clear();
        try {
            Map<String, String> saved = mappings.read(staff, k).block(); // allowed-blocking: Vaadin request thread
            saved.forEach(this::addRow);
        } catch (RuntimeException e) {
            Toasts.failure(e);
        }
        if (entries.isEmpty()) {
            addRow("", null);
        }
    }

    Row addRow(String header, String column) {
        TextField headerField = new TextField();
        headerField.setPlaceholder(getTranslation("mapping.header"));
        headerField.setAriaLabel(getTranslation("mapping.header"));
        headerField.setValue(header == null ? "" : header);
        Select<String> columnField = new Select<>();
        List<String> options = new ArrayList<>(ColumnMappings.columns(kind.getValue()));
        options.add(ColumnMappings.IGNORE);
        columnField.setItems(options);
        columnField.setItemLabelGenerator(c -> ColumnMappings.IGNORE.equals(c) ? getTranslation("mapping.ignore") : c);
        columnField.setPlaceholder(getTranslation("mapping.column"));
        columnField.setAriaLabel(getTranslation("mapping.column"));
        if (column != null && options.contains(column)) {
            columnField.setValue(column);
        }
        HorizontalLayout layout = new HorizontalLayout();
        Row row = new Row(headerField, columnField, layout);
        Button remove = new Button(new Icon(VaadinIcon.CLOSE_SMALL), e -> {
            entries.remove(row);
            rows.remove(layout);
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        remove.setAriaLabel(getTranslation("action.delete"));
        layout.add(headerField, new Icon(VaadinIcon.ARROW_RIGHT), columnField, remove);
        layout.setAlignItems(FlexComponent.Alignment.CENTER);
        entries.add(row);
        rows.add(layout);
        return row;
    }

    void save() {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (Row row : entries) {
            if (!row.header().getValue().isBlank() && row.column().getValue() != null) {
                mapping.put(row.header().getValue().strip(), row.column().getValue());
            }
        }
        try {
            mappings.save(staff, kind.getValue(), mapping).block(); // allowed-blocking: Vaadin request thread
            Toasts.success(getTranslation("mapping.saved", getTranslation("import.kind." + kind.getValue().name())));
        } catch (RuntimeException e) {
            Toasts.failure(e);
        }
    }
}
