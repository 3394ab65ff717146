package org.opendso.penalty.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.opendso.penalty.EcbRate;
import org.opendso.penalty.Penalties;
import org.opendso.penalty.PenaltyTerms;
import org.opendso.security.Staff;
import org.opendso.ui.Money;
import org.opendso.ui.Toasts;

/**
 * The ECB rates the company's statutory penalty rate uses, newest first, with the statutory rate in force today.
 * Administrators record a rate (a date the published list does not have yet, or their own figure for a published
 * date: choose the row to edit it) and delete the company's own rows; published rates without one stay.
 */
public class EcbRatesPanel extends VerticalLayout {

    private final Penalties penalties;
    private final Staff staff;
    private final Runnable changed;

    final Paragraph inForce = new Paragraph();
    final Grid<EcbRate> grid = new Grid<>(EcbRate.class, false);
    final DatePicker date = new DatePicker();
    final BigDecimalField rate = new BigDecimalField();
    final Button record = new Button();
    List<EcbRate> rates = List.of();

    /** @param changed told after a rate was recorded or deleted (the page shows the statutory rate elsewhere too) */
    public EcbRatesPanel(Penalties penalties, Staff staff, Runnable changed) {
        this.penalties = penalties;
        this.staff = staff;
        this.changed = changed;
        setPadding(false);
        addClassName("ecb-rates");
        inForce.addClassName("ecb-in-force");

        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setMaxHeight("20em");
        grid.addColumn(r -> Money.date(r.effectiveDate(), getLocale())).setHeader(getTranslation("ecb.date"))
                .setKey("date").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> percent(r.ratePercent())).setHeader(getTranslation("ecb.rate")).setKey("rate")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::source).setHeader(getTranslation("ecb.source")).setKey("source").setFlexGrow(1);
        grid.addComponentColumn(this::deleteButton).setKey("delete").setAutoWidth(true).setFlexGrow(0);
        grid.addItemClickListener(e -> edit(e.getItem()));

        date.setLabel(getTranslation("ecb.date"));
        date.setLocale(getLocale());
        date.setMin(LocalDate.of(1999, 1, 1));
        rate.setLabel(getTranslation("ecb.rate"));
        rate.setSuffixComponent(new Span("%"));
        record.setText(getTranslation("ecb.record"));
        record.setIcon(new Icon(VaadinIcon.PLUS));
        record.addClickListener(e -> record());
        HorizontalLayout form = new HorizontalLayout(date, rate, record);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        boolean admin = staff.isAdmin();
        date.setEnabled(admin);
        rate.setEnabled(admin);
        record.setEnabled(admin);
        add(new Paragraph(getTranslation("ecb.intro")), inForce, grid, form);
        load();
    }

    void load() {
        LocalDate today = LocalDate.now();
        try {
            rates = penalties.ecbRates(staff.tenantId()).collectList()
                    .block(); // allowed-blocking: Vaadin request thread
            PenaltyTerms terms = penalties.terms(staff.tenantId()).block(); // allowed-blocking: Vaadin request thread
            var ecb = terms.ecbReference(today);
            inForce.setText(getTranslation("ecb.in-force", percent(terms.statutoryRatePercent(today)),
                    percent(ecb.getValue()), Money.date(ecb.getKey(), getLocale())));
        } catch (RuntimeException e) {
            Toasts.failure(e);
            return;
        }
        grid.setItems(rates.reversed());
    }

    /** A row chosen: its date and rate in the form, to record another figure for it. */
    void edit(EcbRate row) {
        date.setValue(row.effectiveDate());
        rate.setValue(row.ratePercent().stripTrailingZeros());
    }

    void record() {
        var invalid = Penalties.invalidEcbRate(date.getValue(), rate.getValue(), LocalDate.now());
        if (invalid != null) {
            (invalid.field().equals("date") ? (com.vaadin.flow.component.HasValidation) date : rate).setInvalid(true);
            Toasts.failure(invalid);
            return;
        }
        date.setInvalid(false);
        rate.setInvalid(false);
        try {
            EcbRate saved = penalties.recordEcbRate(staff, date.getValue(), rate.getValue(), LocalDate.now())
                    .block(); // allowed-blocking: Vaadin request thread
            Toasts.success(getTranslation("ecb.recorded", percent(saved.ratePercent()),
                    Money.date(saved.effectiveDate(), getLocale())));
        } catch (RuntimeException e) {
            Toasts.failure(e);
            return;
        }
        date.clear();
        rate.clear();
        load();
        changed.run();
    }

    void delete(EcbRate row) {
        try {
            penalties.deleteEcbRate(staff, row.effectiveDate()).block(); // allowed-blocking: Vaadin request thread
            Toasts.success(getTranslation("ecb.deleted", Money.date(row.effectiveDate(), getLocale())));
        } catch (RuntimeException e) {
            Toasts.failure(e);
            return;
        }
        load();
        changed.run();
    }

    private Button deleteButton(EcbRate row) {
        Button delete = new Button(new Icon(VaadinIcon.TRASH), e -> delete(row));
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_ERROR);
        delete.setAriaLabel(getTranslation("ecb.delete", Money.date(row.effectiveDate(), getLocale())));
        delete.setTooltipText(getTranslation("ecb.delete", Money.date(row.effectiveDate(), getLocale())));
        delete.setVisible(row.deletable() && staff.isAdmin());
        delete.addClassName("ecb-delete");
        return delete;
    }

    private String source(EcbRate row) {
        if (!row.recordedByCompany()) {
            return getTranslation("ecb.source.published");
        }
        return row.published() == null ? getTranslation("ecb.source.company")
                : getTranslation("ecb.source.replaced", percent(row.published()));
    }

    private static String percent(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 2 ? value.setScale(2, java.math.RoundingMode.HALF_UP) : stripped).toPlainString() + " %";
    }
}
