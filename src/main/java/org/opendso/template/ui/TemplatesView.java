package org.opendso.template.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.opendso.security.CurrentStaff;
import org.opendso.security.Staff;
import org.opendso.template.Template;
import org.opendso.template.Templates;
import org.opendso.ui.Tag;
import org.opendso.ui.Toasts;

/**
 * Settings, "Templates": the company's email and letter templates by code and language, edited in a dialog with a
 * hashtag picker and a live preview against a chosen customer. Admins only.
 */
@Route("settings/templates")
@Menu(title = "menu.templates", order = 67, icon = "vaadin:file-text-o")
@RolesAllowed("ADMIN")
public class TemplatesView extends VerticalLayout implements HasDynamicTitle {

    private final Templates templates;
    private final Staff staff;
    private List<Template> rows = List.of();

    final Grid<Template> grid = new Grid<>();
    final Button create = new Button();

    TemplatesView(Templates templates) {
        this.templates = templates;
        this.staff = CurrentStaff.require();
        addClassName("templates-view");
        setSizeFull();

        create.setText(getTranslation("templates.create"));
        create.setIcon(new Icon(VaadinIcon.PLUS));
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(e -> openCreate());

        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.addColumn(Template::code).setHeader(getTranslation("templates.code")).setKey("code").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(t -> t.language().toUpperCase(java.util.Locale.ROOT)).setHeader(getTranslation("templates.language"))
                .setKey("language").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> getTranslation("templates.kind." + t.kind().name())).setHeader(getTranslation("templates.kind"))
                .setKey("kind").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(t -> {
            HorizontalLayout name = new HorizontalLayout(new com.vaadin.flow.component.html.Span(t.name()));
            if (t.standard()) {
                name.add(new Tag(getTranslation("templates.standard"), "neutral"));
            }
            return name;
        }).setHeader(getTranslation("templates.name")).setKey("name").setFlexGrow(1);
        grid.addColumn(Template::subject).setHeader(getTranslation("templates.subject")).setKey("subject").setFlexGrow(2);
        grid.addComponentColumn(this::actions).setKey("actions").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);
        grid.setSizeFull();

        add(new Paragraph(getTranslation("templates.intro")), create, grid);
        load();
    }

    private HorizontalLayout actions(Template t) {
        Button edit = new Button(getTranslation("action.edit"), new Icon(VaadinIcon.EDIT), e -> openEdit(t));
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        HorizontalLayout actions = new HorizontalLayout(edit);
        if (!t.standard()) {
            Button delete = new Button(getTranslation("action.delete"), new Icon(VaadinIcon.TRASH), e -> delete(t));
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            actions.add(delete);
        }
        return actions;
    }

    void load() {
        try {
            rows = templates.all(staff).collectList().block(); // allowed-blocking: Vaadin request thread
            grid.setItems(rows);
        } catch (RuntimeException e) {
            Toasts.failure(e);
        }
    }

    List<Template> rows() {
        return rows;
    }

    TemplateDialog openCreate() {
        TemplateDialog dialog = new TemplateDialog(templates, staff, null, saved -> {
            Toasts.success(getTranslation("templates.created", saved.code(), saved.language()));
            load();
        });
        dialog.open();
        return dialog;
    }

    TemplateDialog openEdit(Template template) {
        TemplateDialog dialog = new TemplateDialog(templates, staff, template, saved -> {
            Toasts.success(getTranslation("templates.saved", saved.code(), saved.language()));
            load();
        });
        dialog.open();
        return dialog;
    }

    void delete(Template t) {
        try {
            templates.delete(staff, t.code(), t.language()).block(); // allowed-blocking: Vaadin request thread
            Toasts.success(getTranslation("templates.deleted", t.code(), t.language()));
        } catch (RuntimeException e) {
            Toasts.failure(e);
        }
        load();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("templates.title");
    }
}
