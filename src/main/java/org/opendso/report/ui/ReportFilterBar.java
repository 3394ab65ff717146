package org.opendso.report.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import java.util.function.Consumer;
import org.opendso.report.ReportFilter;
import org.opendso.scenario.Scenario;
import org.opendso.security.Role;
import org.opendso.user.StaffUser;

/**
 * The filters every report page offers, in one row: collector, sales manager, scenario, currency and customer
 * account. Each change hands the new {@link ReportFilter} to the page. The lists are the caller's (read once when
 * the page opens), so the bar itself reads nothing.
 */
public class ReportFilterBar extends HorizontalLayout {

    final ComboBox<StaffUser> collector = new ComboBox<>();
    final ComboBox<StaffUser> salesManager = new ComboBox<>();
    final ComboBox<Scenario> scenario = new ComboBox<>();
    final Select<String> currency = new Select<>();
    final TextField customer = new TextField();

    public ReportFilterBar(List<StaffUser> colleagues, List<Scenario> scenarios, List<String> currencies,
                           Consumer<ReportFilter> onChange) {
        addClassName("report-filters");
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWrap(true);

        collector.setLabel(getTranslation("report.filter.collector"));
        collector.setItems(colleagues.stream().filter(u -> u.role() != Role.SALES_MANAGER).toList());
        collector.setItemLabelGenerator(StaffUser::name);
        collector.setClearButtonVisible(true);

        salesManager.setLabel(getTranslation("report.filter.sales-manager"));
        salesManager.setItems(colleagues.stream().filter(u -> u.role() == Role.SALES_MANAGER).toList());
        salesManager.setItemLabelGenerator(StaffUser::name);
        salesManager.setClearButtonVisible(true);

        scenario.setLabel(getTranslation("report.filter.scenario"));
        scenario.setItems(scenarios);
        scenario.setItemLabelGenerator(Scenario::name);
        scenario.setClearButtonVisible(true);

        currency.setLabel(getTranslation("report.filter.currency"));
        currency.setItems(currencies);
        if (!currencies.isEmpty()) {
            currency.setValue(currencies.getFirst());
        }

        customer.setLabel(getTranslation("report.filter.customer"));
        customer.setPlaceholder(getTranslation("report.filter.customer.placeholder"));
        customer.setClearButtonVisible(true);
        customer.setValueChangeMode(ValueChangeMode.LAZY);

        collector.addValueChangeListener(e -> onChange.accept(value()));
        salesManager.addValueChangeListener(e -> onChange.accept(value()));
        scenario.addValueChangeListener(e -> onChange.accept(value()));
        currency.addValueChangeListener(e -> onChange.accept(value()));
        customer.addValueChangeListener(e -> onChange.accept(value()));
        add(collector, salesManager, scenario, currency, customer);
    }

    /** The filter the bar shows now; reports are drawn in one currency, the company's main one at first. */
    public ReportFilter value() {
        return new ReportFilter(
                collector.getValue() == null ? null : collector.getValue().id(),
                salesManager.getValue() == null ? null : salesManager.getValue().id(),
                scenario.getValue() == null ? null : scenario.getValue().id(),
                currency.getValue(),
                customer.getValue());
    }
}
