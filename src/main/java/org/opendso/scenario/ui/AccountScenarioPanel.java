package org.opendso.scenario.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.opendso.scenario.AccountScenario;
import org.opendso.scenario.Scenario;
import org.opendso.scenario.Scenarios;
import org.opendso.scenario.ScheduledStep;
import org.opendso.security.Staff;
import org.opendso.ui.Money;
import org.opendso.ui.Toasts;
import reactor.core.publisher.Mono;

/**
 * On a customer's sheet: the scenario the account follows (or the company's default), a picker to change it for
 * those who may, and the account's steps of that scenario with their dates. What another user or an import
 * assigns arrives as an event; the sheet hands it to {@link #read()} and {@link #show(State)}.
 */
public class AccountScenarioPanel extends HorizontalLayout {

    /** How many of the coming steps the timeline shows (the scenario page has them all). */
    static final int NEXT_STEPS = 4;

    private final Scenarios scenarios;
    private final Staff staff;
    private final long customerId;
    private final String account;

    final Select<Choice> picker = new Select<>();
    final Div timeline = new Div();
    private State state;

    /** A line of the picker: a scenario, or "the company's default" ({@code scenarioId} null). */
    public record Choice(Long scenarioId, String name) {
    }

    /** What the panel shows: the account's scenario, the company's scenarios and the account's dated steps. */
    public record State(AccountScenario assigned, List<Scenario> all, List<ScheduledStep> steps, LocalDate today) {
    }

    public AccountScenarioPanel(Scenarios scenarios, Staff staff, long customerId, String account) {
        this.scenarios = scenarios;
        this.staff = staff;
        this.customerId = customerId;
        this.account = account;
        addClassName("account-scenario");
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        picker.setLabel(getTranslation("account-scenario.label"));
        picker.addClassName("account-scenario-picker");
        picker.setItemLabelGenerator(c -> c.scenarioId() == null
                ? getTranslation("account-scenario.default", c.name()) : c.name());
        // the service decides; the picker only spares a refusal to those who may not choose
        picker.setEnabled(Scenarios.mayAssign(staff));
        picker.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                assign(e.getValue());
            }
        });
        timeline.addClassName("account-scenario-timeline");
        add(picker, timeline);
        try {
            show(read().block()); // allowed-blocking: Vaadin request thread
        } catch (RuntimeException e) {
            Toasts.failure(e);
        }
    }

    /** Reads the account's scenario, the company's scenarios and the account's timeline, without blocking. */
    public Mono<State> read() {
        LocalDate today = LocalDate.now();
        long tenant = staff.tenantId();
        return Mono.zip(scenarios.ofCustomer(tenant, customerId), scenarios.all(tenant).collectList())
                .flatMap(t -> scenarios.preview(staff, t.getT1().scenario().id(), account, today).collectList()
                        .map(steps -> new State(t.getT1(), t.getT2(), steps, today)));
    }

    /** On the UI thread. */
    public void show(State state) {
        this.state = state;
        List<Choice> choices = new ArrayList<>();
        String defaultName = state.all().stream().filter(Scenario::isDefault).map(Scenario::name).findFirst()
                .orElse(state.assigned().scenario().name());
        choices.add(new Choice(null, defaultName));
        state.all().forEach(s -> choices.add(new Choice(s.id(), s.name())));
        picker.setItems(choices);
        Long current = state.assigned().followsDefault() ? null : state.assigned().scenario().id();
        picker.setValue(choices.stream().filter(c -> Objects.equals(c.scenarioId(), current)).findFirst().orElse(null));
        showTimeline(state.steps(), state.today());
    }

    State state() {
        return state;
    }

    private void assign(Choice choice) {
        try {
            AccountScenario assigned = scenarios.assign(staff, account, choice.scenarioId())
                    .block(); // allowed-blocking: Vaadin request thread
            Toasts.success(getTranslation("account-scenario.assigned", assigned.followsDefault()
                    ? getTranslation("account-scenario.default", assigned.scenario().name()) : assigned.scenario().name()));
            show(read().block()); // allowed-blocking: Vaadin request thread
        } catch (RuntimeException e) {
            Toasts.failure(e);
            if (state != null) {
                show(state);
            }
        }
    }

    /** The steps still to come (the last one done before today, when all are past), each with its date. */
    private void showTimeline(List<ScheduledStep> steps, LocalDate today) {
        timeline.removeAll();
        if (steps.isEmpty()) {
            timeline.add(new Span(getTranslation("account-scenario.nothing")));
            return;
        }
        List<ScheduledStep> coming = steps.stream().filter(s -> !s.date().isBefore(today)).limit(NEXT_STEPS).toList();
        if (coming.isEmpty()) {
            Span done = new Span(getTranslation("account-scenario.all-past"));
            done.addClassName("account-scenario-past");
            timeline.add(done);
            coming = List.of(steps.getLast());
        } else {
            Span next = new Span(getTranslation("account-scenario.next"));
            next.addClassName("account-scenario-next");
            timeline.add(next);
        }
        for (ScheduledStep step : coming) {
            String label = step.step().label() == null || step.step().label().isBlank()
                    ? getTranslation("scenarios.kind." + step.step().kind().name()) : step.step().label();
            Span item = new Span(new Span(Money.date(step.date(), getLocale())), new Span(" · " + label));
            item.addClassName("account-scenario-step");
            if (step.date().isBefore(today)) {
                item.addClassName("past");
            } else if (step.date().equals(today)) {
                item.addClassName("today");
            }
            timeline.add(item);
        }
    }
}
