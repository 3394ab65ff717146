package org.opendso.scenario.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.opendso.customer.CustomerQuery;
import org.opendso.scenario.Scenario;
import org.opendso.scenario.Scenarios;
import org.opendso.scenario.ui.AccountScenarioPanel.Choice;
import org.opendso.security.Staff;
import org.opendso.ui.Toasts;

/**
 * "Assign scenario…" from the customer list: every account of the current search (the grid's filters, all pages)
 * follows the chosen scenario, or the company's default again. One set-based change however many accounts; each
 * account whose scenario changes gets its SCENARIO_ASSIGNED event, so open sheets follow.
 */
public class AssignScenarioDialog extends Dialog {

    private final Scenarios scenarios;
    private final Staff staff;
    private final CustomerQuery query;
    private final LongConsumer done;

    final Select<Choice> scenario = new Select<>();
    final Paragraph text = new Paragraph();
    final Button confirm = new Button();
    final Button cancel = new Button();

    /**
     * @param accounts how many accounts the search holds (the list's count), shown before confirming
     * @param done     told the number of accounts whose scenario changed
     */
    public AssignScenarioDialog(Scenarios scenarios, Staff staff, CustomerQuery query, long accounts, LongConsumer done) {
        this.scenarios = scenarios;
        this.staff = staff;
        this.query = query;
        this.done = done;
        addClassName("assign-scenario-dialog");
        setHeaderTitle(getTranslation("assign-scenario.title"));

        List<Scenario> all = scenarios.all(staff.tenantId()).collectList()
                .block(); // allowed-blocking: Vaadin request thread
        List<Choice> choices = new ArrayList<>();
        all.stream().filter(Scenario::isDefault).findFirst().ifPresent(d -> choices.add(new Choice(null, d.name())));
        all.forEach(s -> choices.add(new Choice(s.id(), s.name())));
        scenario.setLabel(getTranslation("assign-scenario.scenario"));
        scenario.setItems(choices);
        scenario.setItemLabelGenerator(c -> c.scenarioId() == null
                ? getTranslation("account-scenario.default", c.name()) : c.name());
        scenario.setPlaceholder(getTranslation("assign-scenario.choose"));
        scenario.setWidthFull();
        scenario.addValueChangeListener(e -> confirm.setEnabled(e.getValue() != null && accounts > 0));

        text.setText(getTranslation("assign-scenario.text", accounts));
        text.addClassName("assign-scenario-count");
        confirm.setText(getTranslation("assign-scenario.confirm", accounts));
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        confirm.setEnabled(false);
        confirm.addClickListener(e -> assign());
        cancel.setText(getTranslation("assign-scenario.cancel"));
        cancel.addClickListener(e -> close());
        add(text, scenario);
        getFooter().add(cancel, confirm);
    }

    void assign() {
        Choice choice = scenario.getValue();
        if (choice == null) {
            scenario.setInvalid(true);
            scenario.setErrorMessage(getTranslation("assign-scenario.choose"));
            return;
        }
        String name = choice.scenarioId() == null ? getTranslation("account-scenario.default", choice.name()) : choice.name();
        confirm.setEnabled(false);
        try {
            long changed = scenarios.assignAll(staff, query, choice.scenarioId())
                    .block(); // allowed-blocking: Vaadin request thread
            Toasts.success(changed == 0 ? getTranslation("assign-scenario.none", name)
                    : getTranslation("assign-scenario.done", changed, name));
            close();
            done.accept(changed);
        } catch (RuntimeException e) {
            Toasts.failure(e);
            confirm.setEnabled(true);
        }
    }
}
