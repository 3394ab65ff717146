package org.opendso.scenario.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.stream.Collectors;
import org.opendso.scenario.Scenario;
import org.opendso.scenario.ScenarioDeletion;
import org.opendso.scenario.ScenarioStep;
import org.opendso.scenario.Scenarios;
import org.opendso.scenario.ScheduledStep;
import org.opendso.security.CurrentStaff;
import org.opendso.security.Staff;
import org.opendso.ui.Tag;
import org.opendso.ui.Toasts;

/**
 * Settings, "Collection scenarios": the company's scenarios with their steps, edited in a dialog, and when each
 * step would fall for a chosen customer. Admins only.
 */
@Route("settings/scenarios")
@Menu(title = "menu.scenarios", order = 66, icon = "vaadin:road-branches")
@RolesAllowed("ADMIN")
public class ScenariosView extends VerticalLayout implements HasDynamicTitle {

    private final Scenarios scenarios;
    private final Staff staff;
    private List<Scenario> rows = List.of();

    final Grid<Scenario> grid = new Grid<>();
    final Button create = new Button();
    final ComboBox<Scenario> previewScenario = new ComboBox<>();
    final TextField previewAccount = new TextField();
    final Button preview = new Button();
    final Grid<ScheduledStep> timeline = new Grid<>();

    ScenariosView(Scenarios scenarios) {
        this.scenarios = scenarios;
        this.staff = CurrentStaff.require();
        addClassName("scenarios-view");
        setSizeFull();

        Paragraph intro = new Paragraph(getTranslation("scenarios.intro"));
        create.setText(getTranslation("scenarios.create"));
        create.setIcon(new Icon(VaadinIcon.PLUS));
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(e -> openCreate());

        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.addComponentColumn(s -> {
            HorizontalLayout name = new HorizontalLayout(new Span(s.name()));
            name.setSpacing(true);
            name.setAlignItems(FlexComponent.Alignment.CENTER);
            if (s.isDefault()) {
                name.add(new Tag(getTranslation("scenarios.default"), "primary"));
            }
            return name;
        }).setHeader(getTranslation("scenarios.name")).setKey("name").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::summary).setHeader(getTranslation("scenarios.steps")).setKey("steps").setFlexGrow(1);
        grid.addComponentColumn(this::actions).setKey("actions").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);

        previewScenario.setLabel(getTranslation("scenarios.preview.scenario"));
        previewScenario.setItemLabelGenerator(Scenario::name);
        previewAccount.setLabel(getTranslation("scenarios.preview.account"));
        preview.setText(getTranslation("scenarios.preview.show"));
        preview.addClickListener(e -> showPreview());
        HorizontalLayout previewBar = new HorizontalLayout(previewScenario, previewAccount, preview);
        previewBar.setAlignItems(FlexComponent.Alignment.BASELINE);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        timeline.addThemeVariants(GridVariant.LUMO_COMPACT);
        timeline.addColumn(s -> dates.format(s.date())).setHeader(getTranslation("scenarios.preview.date")).setKey("date")
                .setAutoWidth(true).setFlexGrow(0);
        timeline.addColumn(s -> offset(s.step())).setHeader(getTranslation("scenarios.offset")).setKey("offset")
                .setAutoWidth(true).setFlexGrow(0);
        timeline.addColumn(s -> getTranslation("scenarios.kind." + s.step().kind().name()))
                .setHeader(getTranslation("scenarios.kind")).setKey("kind").setAutoWidth(true).setFlexGrow(0);
        timeline.addColumn(s -> s.step().template() == null ? "" : s.step().template())
                .setHeader(getTranslation("scenarios.template")).setKey("template").setAutoWidth(true).setFlexGrow(0);
        timeline.addColumn(s -> s.step().label()).setHeader(getTranslation("scenarios.label")).setKey("label");
        timeline.setAllRowsVisible(true);

        add(intro, create, grid, new H3(getTranslation("scenarios.preview.title")), previewBar, timeline);
        load();
    }

    private String summary(Scenario s) {
        return s.steps().stream()
                .map(step -> offset(step) + " " + getTranslation("scenarios.kind." + step.kind().name()))
                .collect(Collectors.joining(" · "));
    }

    private String offset(ScenarioStep step) {
        return getTranslation("scenarios.offset.days", (step.offsetDays() > 0 ? "+" : "") + step.offsetDays());
    }

    private HorizontalLayout actions(Scenario s) {
        Button edit = new Button(getTranslation("action.edit"), new Icon(VaadinIcon.EDIT), e -> openEdit(s));
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        HorizontalLayout actions = new HorizontalLayout(edit);
        if (!s.isDefault()) {
            Button makeDefault = new Button(getTranslation("scenarios.make-default"), new Icon(VaadinIcon.STAR),
                    e -> makeDefault(s));
            makeDefault.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            Button delete = new Button(getTranslation("action.delete"), new Icon(VaadinIcon.TRASH), e -> openDelete(s));
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            actions.add(makeDefault, delete);
        }
        return actions;
    }

    void load() {
        try {
            rows = scenarios.all(staff.tenantId()).collectList().block(); // allowed-blocking: Vaadin request thread
            grid.setItems(rows);
            Scenario chosen = previewScenario.getValue();
            previewScenario.setItems(rows);
            rows.stream().filter(s -> chosen != null ? s.id() == chosen.id() : s.isDefault()).findFirst()
                    .ifPresent(previewScenario::setValue);
        } catch (RuntimeException e) {
            Toasts.failure(e);
        }
    }

    List<Scenario> rows() {
        return rows;
    }

    ScenarioDialog openCreate() {
        ScenarioDialog dialog = new ScenarioDialog(null, draft -> {
            try {
                Scenario created = scenarios.create(staff, draft).block(); // allowed-blocking: Vaadin request thread
                Toasts.success(getTranslation("scenarios.created", created.name()));
            } catch (RuntimeException e) {
                Toasts.failure(e);
                return false;
            }
            load();
            return true;
        });
        dialog.open();
        return dialog;
    }

    ScenarioDialog openEdit(Scenario scenario) {
        ScenarioDialog dialog = new ScenarioDialog(scenario, draft -> {
            try {
                Scenario saved = scenarios.update(staff, scenario.id(), draft, scenario.version())
                        .block(); // allowed-blocking: Vaadin request thread
                Toasts.success(getTranslation("scenarios.saved", saved.name()));
            } catch (RuntimeException e) {
                Toasts.failure(e);
                return false;
            }
            load();
            return true;
        });
        dialog.open();
        return dialog;
    }

    void makeDefault(Scenario scenario) {
        try {
            scenarios.makeDefault(staff, scenario.id()).block(); // allowed-blocking: Vaadin request thread
            Toasts.success(getTranslation("scenarios.default.done", scenario.name()));
        } catch (RuntimeException e) {
            Toasts.failure(e);
        }
        load();
    }

    /** Customers following the scenario move to the chosen replacement (the default, unless changed). */
    Dialog openDelete(Scenario scenario) {
        Dialog dialog = new Dialog();
        dialog.addClassName("scenario-delete-dialog");
        dialog.setHeaderTitle(getTranslation("scenarios.delete.title", scenario.name()));
        ComboBox<Scenario> replacement = new ComboBox<>(getTranslation("scenarios.delete.replacement"));
        List<Scenario> others = rows.stream().filter(s -> s.id() != scenario.id()).toList();
        replacement.setItems(others);
        replacement.setItemLabelGenerator(Scenario::name);
        others.stream().filter(Scenario::isDefault).findFirst().ifPresent(replacement::setValue);
        replacement.setRequired(true);
        replacement.setWidthFull();
        dialog.add(new Paragraph(getTranslation("scenarios.delete.text")), replacement);
        dialog.setMaxWidth("32em");
        Button delete = new Button(getTranslation("action.delete"), e -> {
            if (replacement.getValue() == null) {
                replacement.setInvalid(true);
                return;
            }
            try {
                ScenarioDeletion done = scenarios.delete(staff, scenario.id(), replacement.getValue().id())
                        .block(); // allowed-blocking: Vaadin request thread
                Toasts.success(done.accounts() == 0 ? getTranslation("scenarios.deleted", done.name())
                        : getTranslation("scenarios.deleted.moved", done.name(), done.accounts(), done.replacement()));
                dialog.close();
            } catch (RuntimeException failure) {
                Toasts.failure(failure);
            }
            load();
        });
        delete.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        delete.addClassName("scenario-delete-confirm");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), delete);
        dialog.open();
        return dialog;
    }

    List<ScheduledStep> showPreview() {
        Scenario scenario = previewScenario.getValue();
        String account = previewAccount.getValue().strip();
        if (scenario == null || account.isEmpty()) {
            previewAccount.setInvalid(account.isEmpty());
            previewAccount.setErrorMessage(getTranslation("scenarios.preview.account-required"));
            return List.of();
        }
        previewAccount.setInvalid(false);
        try {
            List<ScheduledStep> steps = scenarios.preview(staff, scenario.id(), account, LocalDate.now())
                    .collectList().block(); // allowed-blocking: Vaadin request thread
            timeline.setItems(steps);
            if (steps.isEmpty()) {
                Toasts.info(getTranslation("scenarios.preview.nothing-open", account));
            }
            return steps;
        } catch (RuntimeException e) {
            timeline.setItems(List.of());
            Toasts.failure(e);
            return List.of();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("scenarios.title");
    }
}
