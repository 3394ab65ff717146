package org.opendso.alert.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.opendso.alert.AlertRule;
import org.opendso.alert.Alerts;
import org.opendso.alert.RuleSetting;
import org.opendso.security.CurrentStaff;
import org.opendso.security.Staff;
import org.opendso.ui.Toasts;

/** The company's alert rules for administrators: each on or off, with its number of days. */
@Route("settings/alerts")
@Menu(title = "menu.alerts", order = 68, icon = "vaadin:bell-o")
@RolesAllowed("ADMIN")
public class AlertSettingsView extends VerticalLayout implements HasDynamicTitle {

    private final Alerts alerts;
    private final Staff staff;
    private final AlertTexts texts = new AlertTexts(this);

    final Map<AlertRule, Checkbox> enabled = new EnumMap<>(AlertRule.class);
    final Map<AlertRule, IntegerField> days = new EnumMap<>(AlertRule.class);
    final Button save = new Button();

    AlertSettingsView(Alerts alerts) {
        this.alerts = alerts;
        this.staff = CurrentStaff.require();
        addClassName("alert-settings");
        setMaxWidth("60rem");
        add(new Paragraph(getTranslation("alerts.settings.intro")));
        for (AlertRule rule : AlertRule.values()) {
            Checkbox on = new Checkbox(getTranslation("alerts.settings.enabled"));
            IntegerField n = new IntegerField(getTranslation("alerts.settings.days"));
            n.setMin(rule.minDays());
            n.setMax(rule.maxDays());
            n.setStepButtonsVisible(true);
            n.setWidth("9rem");
            n.setVisible(rule.hasDays());
            on.addValueChangeListener(e -> n.setEnabled(e.getValue()));
            enabled.put(rule, on);
            days.put(rule, n);
            H3 title = new H3(texts.rule(rule));
            Paragraph what = new Paragraph(getTranslation("alerts.settings.rule." + rule.name()));
            what.addClassName("rule-description");
            VerticalLayout text = new VerticalLayout(title, what);
            text.setPadding(false);
            text.setSpacing(false);
            HorizontalLayout row = new HorizontalLayout(text, on, n);
            row.setWidthFull();
            row.expand(text);
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            row.addClassName("alert-rule-" + rule.name().toLowerCase(java.util.Locale.ROOT));
            Div card = new Div(row);
            card.addClassName("alert-rule");
            add(card);
        }
        save.setText(getTranslation("alerts.settings.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> save());
        add(save);
        show(alerts.settings(staff.tenantId()).block()); // allowed-blocking: Vaadin request thread
    }

    private void show(List<RuleSetting> settings) {
        for (RuleSetting s : settings) {
            enabled.get(s.rule()).setValue(Boolean.TRUE.equals(s.enabled()));
            days.get(s.rule()).setValue(s.days());
            days.get(s.rule()).setEnabled(Boolean.TRUE.equals(s.enabled()));
        }
    }

    void save() {
        List<RuleSetting> changes = new ArrayList<>();
        for (AlertRule rule : AlertRule.values()) {
            changes.add(new RuleSetting(rule, enabled.get(rule).getValue(), rule.hasDays() ? days.get(rule).getValue() : null));
        }
        try {
            show(alerts.update(staff, changes).block()); // allowed-blocking: Vaadin request thread
            Toasts.success(getTranslation("alerts.settings.saved"));
        } catch (RuntimeException e) {
            Toasts.failure(e);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("alerts.settings.title");
    }
}
