package org.opendso.report.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import java.math.BigDecimal;
import java.util.Set;
import org.opendso.customer.Customer;
import org.opendso.customer.Customers;
import org.opendso.realtime.EventStreams;
import org.opendso.realtime.EventType;
import org.opendso.report.CreditRisk;
import org.opendso.report.CreditRiskLine;
import org.opendso.security.Role;
import org.opendso.security.Staff;
import org.opendso.customer.ui.SheetTab;
import org.opendso.ui.Figure;
import org.opendso.ui.Money;
import org.opendso.ui.Toasts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The "Credit" tab of the customer sheet: the credit limit (set or removed by administrators and collectors), the
 * exposure against it, the overdue share, the payment trend and the grade with its rule. Follows the account.
 */
@org.springframework.stereotype.Component
class CreditRiskTab implements SheetTab {

    private final CreditRisk risk;
    private final Customers customers;
    private final EventStreams streams;

    CreditRiskTab(CreditRisk risk, Customers customers, EventStreams streams) {
        this.risk = risk;
        this.customers = customers;
        this.streams = streams;
    }

    @Override
    public String labelKey() {
        return "credit.tab";
    }

    @Override
    public Component create(Staff staff, Customer customer) {
        return new Panel(staff, customer);
    }

    @Override
    public int order() {
        return 20;
    }

    /** Events after which the figures may change. */
    static final Set<EventType> CHANGES = Set.of(EventType.CREDIT_LIMIT_CHANGED, EventType.ITEMS_IMPORTED,
            EventType.ITEMS_QUALIFIED, EventType.STATUS_REPLACED);

    final class Panel extends VerticalLayout {

        private static final Logger log = LoggerFactory.getLogger(Panel.class);

        private final Staff staff;
        private Customer customer;
        final BigDecimalField limit = new BigDecimalField();
        final Button save = new Button();
        final Button remove = new Button();
        final Div figures = new Div();
        private CreditRiskLine line;
        private Disposable live;

        Panel(Staff staff, Customer customer) {
            this.staff = staff;
            this.customer = customer;
            addClassName("credit-risk-tab");
            figures.addClassName("figures");
            limit.setLabel(getTranslation("credit.limit.label", customer.currency()));
            limit.setClearButtonVisible(true);
            save.setText(getTranslation("credit.limit.save"));
            save.addThemeVariants(ButtonVariant.PRIMARY);
            save.addClickListener(e -> set(limit.getValue()));
            remove.setText(getTranslation("credit.limit.remove"));
            remove.addClickListener(e -> set(null));
            HorizontalLayout editor = new HorizontalLayout(limit, save, remove);
            editor.setAlignItems(FlexComponent.Alignment.BASELINE);
            // the service refuses sales managers too; the editor is simply not theirs
            editor.setVisible(staff.role() != Role.SALES_MANAGER);
            Paragraph rule = new Paragraph(CreditRiskTexts.rule(this));
            rule.addClassName("report-rule");
            add(editor, figures, rule);
            load();
        }

        void set(BigDecimal value) {
            try {
                customer = customers.setCreditLimit(staff, customer.account(), value)
                        .block(); // allowed-blocking: Vaadin request thread
                Toasts.success(getTranslation(value == null ? "credit.limit.removed" : "credit.limit.saved"));
                load();
            } catch (RuntimeException e) {
                Toasts.failure(e);
            }
        }

        /** Reads and shows the figures now, on the Vaadin request thread. */
        void load() {
            show(read().block()); // allowed-blocking: Vaadin request thread
        }

        /** The account and its credit line, read without holding the UI (a live refresh reads before it locks). */
        private Mono<Loaded> read() {
            return customers.find(staff, customer.id()).defaultIfEmpty(customer)
                    .flatMap(now -> risk.ofCustomer(staff, now.id()).map(l -> new Loaded(now, l))
                            .defaultIfEmpty(new Loaded(now, null)));
        }

        private void show(Loaded loaded) {
            customer = loaded.customer();
            line = loaded.line();
            limit.setValue(customer.creditLimit());
            remove.setEnabled(customer.creditLimit() != null);
            figures.removeAll();
            String currency = customer.currency();
            figures.add(new Figure(getTranslation("credit.figure.exposure"),
                            Money.format(customer.balance(), currency, getLocale())),
                    new Figure(getTranslation("credit.col.utilisation"),
                            line == null ? "–" : CreditRiskTexts.percent(line.utilisation()))
                            .tone(line != null && line.overLimit() ? "error" : "primary"),
                    new Figure(getTranslation("credit.col.overdue"),
                            line == null ? "–" : CreditRiskTexts.percent(line.overdueShare())),
                    new Figure(getTranslation("credit.figure.trend"), line == null ? "–" : getTranslation(
                            "credit.figure.trend.value", CreditRiskTexts.days(this, line.daysLate3()),
                            CreditRiskTexts.days(this, line.daysLate12())))
                            .tone(line != null && line.worsening() ? "warning" : "primary"),
                    new Figure(getTranslation("credit.col.grade"), line == null ? "A" : line.grade() + " ("
                            + getTranslation("credit.points", line.points()) + ")")
                            .tone(CreditRiskTexts.tone(line == null ? "A" : line.grade())));
        }

        CreditRiskLine line() {
            return line;
        }

        private record Loaded(Customer customer, CreditRiskLine line) {
        }

        @Override
        protected void onAttach(AttachEvent event) {
            super.onAttach(event);
            if (live != null) {
                return;
            }
            UI ui = event.getUI();
            long head = streams.head(staff.tenantId(), customer.id()).block(); // allowed-blocking: Vaadin request thread
            live = streams.account(staff.tenantId(), customer.id(), head)
                    .filter(e -> CHANGES.contains(e.type()))
                    // read first, then lock the UI only to show: the sheet's own updates are not held up by it
                    .concatMap(e -> read())
                    .subscribe(loaded -> {
                        try {
                            ui.access(() -> show(loaded));
                        } catch (UIDetachedException gone) {
                            // closed; disposed on detach
                        }
                    }, e -> log.warn("The live credit tab of account {} stopped", customer.account(), e));
        }

        @Override
        protected void onDetach(DetachEvent event) {
            if (live != null) {
                live.dispose();
                live = null;
            }
            super.onDetach(event);
        }
    }
}
