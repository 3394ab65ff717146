package org.opendso.action.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Set;
import org.opendso.action.ResolverCounts;
import org.opendso.action.SpecificAction;
import org.opendso.action.SpecificActions;
import org.opendso.realtime.EventStreams;
import org.opendso.realtime.EventType;
import org.opendso.security.Staff;
import org.opendso.ui.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The agenda's section "My specific actions": the open actions the user resolves, by due date, with their counts
 * (late, today, all); a row opens the action's dialog. Follows the company's action events live.
 */
public class ResolverActions extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(ResolverActions.class);
    static final int LIMIT = 200;
    private static final Set<EventType> LIVE = Set.of(EventType.ACTION_CREATED, EventType.ACTION_COMPLETED,
            EventType.ACTION_CANCELLED, EventType.ACTION_REASSIGNED, EventType.ACTION_RESCHEDULED);

    private final SpecificActions actions;
    private final SpecificActionDialogs dialogs;
    private final EventStreams streams;
    private final Staff staff;
    final Span counts = new Span();
    final Grid<SpecificAction> grid = new Grid<>(SpecificAction.class, false);
    private ResolverCounts shown = new ResolverCounts(0, 0, 0);
    private Disposable live;

    public ResolverActions(SpecificActions actions, SpecificActionDialogs dialogs, EventStreams streams, Staff staff) {
        this.actions = actions;
        this.dialogs = dialogs;
        this.streams = streams;
        this.staff = staff;
        addClassName("resolver-actions");
        setPadding(false);
        counts.addClassName("result-count");
        HorizontalLayout title = new HorizontalLayout(new H3(getTranslation("actions.agenda.title")), counts);
        title.setAlignItems(FlexComponent.Alignment.BASELINE);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(a -> Money.date(a.dueDate(), getLocale())).setHeader(getTranslation("actions.due"))
                .setKey("due").setAutoWidth(true).setFlexGrow(0)
                .setPartNameGenerator(a -> a.isLate(actions.today()) ? "late" : null);
        grid.addColumn(a -> getTranslation("sheet.actions.kind." + a.kind().name())).setHeader(getTranslation("actions.kind"))
                .setKey("kind").setAutoWidth(true);
        grid.addColumn(a -> a.account() + " · " + a.customerName()).setHeader(getTranslation("actions.customer"))
                .setKey("customer").setFlexGrow(2);
        grid.addColumn(a -> String.join(", ", a.items())).setHeader(getTranslation("sheet.actions.items")).setKey("items")
                .setFlexGrow(2);
        grid.addColumn(a -> a.createdBy()).setHeader(getTranslation("actions.created-by")).setKey("creator").setAutoWidth(true);
        grid.addComponentColumn(a -> {
            Button open = new Button(getTranslation("actions.open"), e -> open(a));
            open.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY);
            return open;
        }).setKey("open").setAutoWidth(true).setFlexGrow(0);
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setEmptyStateText(getTranslation("actions.agenda.none"));
        add(title, grid);
        refresh();
    }

    ActionDialog open(SpecificAction a) {
        return dialogs.open(staff, a, this::refresh);
    }

    void refresh() {
        var read = read().block(); // allowed-blocking: Vaadin request thread
        show(read.counts(), read.list());
    }

    private record Read(ResolverCounts counts, List<SpecificAction> list) {
    }

    private Mono<Read> read() {
        return Mono.zip(actions.countsOfResolver(staff), actions.openOfResolver(staff, LIMIT).collectList())
                .map(t -> new Read(t.getT1(), t.getT2()));
    }

    private void show(ResolverCounts c, List<SpecificAction> list) {
        shown = c;
        counts.setText(getTranslation("actions.agenda.counts", c.late(), c.today(), c.total()));
        grid.setItems(list);
    }

    public ResolverCounts counts() {
        return shown;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (live != null) {
            return;
        }
        UI ui = attachEvent.getUI();
        long head = streams.tenantHead(staff.tenantId()).block(); // allowed-blocking: Vaadin request thread
        live = streams.tenant(staff.tenantId(), head, e -> LIVE.contains(e.type()))
                .onBackpressureLatest()
                .concatMap(e -> read(), 1)
                .subscribe(r -> {
                    try {
                        ui.access(() -> show(r.counts(), r.list()));
                    } catch (UIDetachedException gone) {
                        // closed; disposed on detach
                    }
                }, error -> log.warn("Live specific actions stopped", error));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (live != null) {
            live.dispose();
            live = null;
        }
        super.onDetach(detachEvent);
    }
}
