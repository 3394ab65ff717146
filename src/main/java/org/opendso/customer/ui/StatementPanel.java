package org.opendso.customer.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.ListDataProvider;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.opendso.customer.Customer;
import org.opendso.item.ItemFilter;
import org.opendso.item.OpenItem;
import org.opendso.item.OpenItems;
import org.opendso.penalty.PenaltyCalculator;
import org.opendso.penalty.PenaltyTerms;
import org.opendso.security.Staff;
import org.opendso.status.ItemStatus;
import org.opendso.status.StatusCategory;
import org.opendso.qualification.ui.StatusTag;
import org.opendso.ui.Money;
import org.opendso.ui.Toasts;
import reactor.core.publisher.Mono;

/**
 * The statement of account: the customer's items with their current qualification, open by default. Rows are
 * replaced in place when an event brings an item's new state (no reload, selection and scroll position kept); a
 * row changed by someone else flashes, and rows another user is qualifying right now are marked.
 */
class StatementPanel extends VerticalLayout {

    /** How many characters of the last comment the grid shows; the tooltip has all of it. */
    static final int COMMENT_PREVIEW = 60;
    /** How long a row changed by someone else keeps its highlight. */
    static final Duration FLASH = Duration.ofSeconds(3);

    private final OpenItems items;
    private final Staff staff;
    private final Customer customer;
    private final PenaltyTerms penaltyTerms;
    private final Map<String, ItemStatus> statusesByCode = new HashMap<>();

    final Select<ItemFilter> filter = new Select<>();
    final Select<StatusCategory> category = new Select<>();
    final Select<ItemStatus> status = new Select<>();
    final Grid<OpenItem> grid = new Grid<>(OpenItem.class, false);
    final Span summary = new Span();
    final Button changeStatus = new Button();
    final Button comment = new Button();

    /** The rows shown (before the status filters), by item key: where an event's new state goes. */
    private final Map<OpenItem.Key, OpenItem> rows = new LinkedHashMap<>();
    private final ListDataProvider<OpenItem> provider;
    private final Set<OpenItem.Key> flashing = new HashSet<>();
    private final AtomicLong reads = new AtomicLong();
    /** Item number -> name of another user qualifying it now. */
    private Map<String, String> qualifyingBy = Map.of();

    StatementPanel(OpenItems items, Staff staff, Customer customer, List<ItemStatus> statuses, PenaltyTerms penaltyTerms) {
        this.items = items;
        this.staff = staff;
        this.customer = customer;
        this.penaltyTerms = penaltyTerms;
        setPadding(false);
        setSizeFull();
        addClassName("statement");
        statuses.forEach(s -> statusesByCode.put(s.code(), s));

        filter.setLabel(getTranslation("statement.show"));
        filter.setItems(ItemFilter.values());
        filter.setItemLabelGenerator(f -> getTranslation("statement.filter." + f.name()));
        filter.setValue(ItemFilter.OPEN);
        filter.addValueChangeListener(e -> load());

        category.setLabel(getTranslation("statement.category"));
        category.setItems(StatusCategory.values());
        category.setEmptySelectionAllowed(true);
        category.setEmptySelectionCaption(getTranslation("statement.all-categories"));
        category.setItemLabelGenerator(c -> c == null ? getTranslation("statement.all-categories")
                : getTranslation("qualify.category." + c.name()));
        category.addValueChangeListener(e -> applyFilters());

        status.setLabel(getTranslation("statement.status-filter"));
        status.setItems(statuses.stream().sorted(Comparator.comparing(ItemStatus::category)
                .thenComparing(s -> s.label(language()))).toList());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("statement.all-statuses"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("statement.all-statuses") : s.label(language()));
        status.addValueChangeListener(e -> applyFilters());

        summary.addClassName("result-count");

        changeStatus.setText(getTranslation("statement.change-status"));
        changeStatus.setIcon(new Icon(VaadinIcon.FLAG_O));
        changeStatus.addThemeVariants(ButtonVariant.PRIMARY);
        changeStatus.setEnabled(false);
        changeStatus.setId("statement-change-status");
        comment.setText(getTranslation("statement.comment"));
        comment.setIcon(new Icon(VaadinIcon.COMMENT_O));
        comment.setId("statement-comment");
        comment.setTooltipText(getTranslation("statement.comment.hint"));

        HorizontalLayout filters = new HorizontalLayout(filter, category, status, summary);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        HorizontalLayout toolbar = new HorizontalLayout(filters, comment, changeStatus);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.expand(filters);

        configureGrid();
        provider = new ListDataProvider<>(new ArrayList<>()) {
            @Override
            public Object getId(OpenItem item) {
                // a new state of an item is the same row
                return item.key();
            }
        };
        grid.setItems(provider);
        grid.addSelectionListener(e -> changeStatus.setEnabled(!e.getAllSelectedItems().isEmpty()));

        add(toolbar, grid);
        expand(grid);
        load();
    }

    private void configureGrid() {
        LocalDate today = LocalDate.now();
        grid.setId("statement-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(i -> getTranslation("item.type." + i.type().name())).setHeader(getTranslation("statement.type"))
                .setKey("type").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(OpenItem::number).setHeader(getTranslation("statement.number")).setKey("number")
                .setAutoWidth(true).setComparator(OpenItem::number)
                .setTooltipGenerator(i -> qualifyingBy.containsKey(i.number())
                        ? getTranslation("statement.qualifying-by", qualifyingBy.get(i.number())) : null);
        grid.addColumn(i -> Money.date(i.issueDate(), getLocale())).setHeader(getTranslation("statement.issue-date"))
                .setKey("issueDate").setAutoWidth(true).setComparator(OpenItem::issueDate);
        grid.addColumn(i -> Money.date(i.dueDate(), getLocale())).setHeader(getTranslation("statement.due-date"))
                .setKey("dueDate").setAutoWidth(true).setComparator(OpenItem::dueDate);
        grid.addColumn(i -> i.daysOverdue(today) > 0 ? String.valueOf(i.daysOverdue(today)) : "")
                .setHeader(getTranslation("statement.days-overdue")).setKey("daysOverdue")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setComparator(i -> i.daysOverdue(today))
                .setPartNameGenerator(i -> i.daysOverdue(today) > 0 ? "overdue" : null);
        grid.addColumn(i -> Money.number(i.amount(), getLocale())).setHeader(getTranslation("statement.amount"))
                .setKey("amount").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setComparator(OpenItem::amount);
        grid.addColumn(i -> Money.number(i.openAmount(), getLocale())).setHeader(getTranslation("statement.open-amount"))
                .setKey("openAmount").setTextAlign(ColumnTextAlign.END).setAutoWidth(true)
                .setComparator(OpenItem::openAmount);
        if (penaltyTerms.enabled()) {
            // computed per row from the terms read once with the sheet: pure arithmetic, no query
            PenaltyCalculator penalties = new PenaltyCalculator(penaltyTerms);
            grid.addColumn(i -> amountOrBlank(penalties.of(i, today).penalty()))
                    .setHeader(getTranslation("statement.penalty")).setKey("penalty")
                    .setTextAlign(ColumnTextAlign.END).setAutoWidth(true)
                    .setComparator(i -> penalties.of(i, today).penalty())
                    .setTooltipGenerator(i -> penalties.of(i, today).isNone() ? null
                            : getTranslation("statement.penalty.hint", penaltyTerms.annualRatePercent(today)
                                    .stripTrailingZeros().toPlainString(), i.daysOverdue(today)));
            grid.addColumn(i -> amountOrBlank(penalties.of(i, today).indemnity()))
                    .setHeader(getTranslation("statement.indemnity")).setKey("indemnity")
                    .setTextAlign(ColumnTextAlign.END).setAutoWidth(true)
                    .setComparator(i -> penalties.of(i, today).indemnity());
        }
        grid.addColumn(OpenItem::currency).setHeader(getTranslation("statement.currency")).setKey("currency")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(i -> {
                    ItemStatus s = i.qualification().status();
                    return s == null ? new Span() : StatusTag.of(s, language());
                // a fixed width: auto width is measured once, often before any item carries a status
                }).setHeader(getTranslation("statement.status")).setKey("status").setWidth("10.5rem").setFlexGrow(0)
                .setComparator(i -> i.qualification().status() == null ? "" : i.qualification().status().label(language()));
        grid.addColumn(i -> Money.date(i.qualification().statusDate(), getLocale()))
                .setHeader(getTranslation("statement.status-date")).setKey("statusDate").setAutoWidth(true)
                .setComparator(Comparator.comparing(i -> i.qualification().statusDate(),
                        Comparator.nullsFirst(Comparator.naturalOrder())));
        grid.addColumn(i -> Money.date(i.qualification().followUpDate(), getLocale()))
                .setHeader(getTranslation("statement.follow-up")).setKey("followUpDate").setAutoWidth(true)
                .setComparator(Comparator.comparing(i -> i.qualification().followUpDate(),
                        Comparator.nullsFirst(Comparator.naturalOrder())))
                .setPartNameGenerator(i -> i.isOpen() && i.qualification().followUpDate() != null
                        && !i.qualification().followUpDate().isAfter(today) ? "follow-up-due" : null);
        grid.addColumn(i -> preview(i.qualification().lastComment())).setHeader(getTranslation("statement.last-comment"))
                .setKey("lastComment").setWidth("14rem").setFlexGrow(1)
                .setTooltipGenerator(i -> i.qualification().lastComment());
        grid.setPartNameGenerator(this::rowParts);
        grid.setEmptyStateText(getTranslation("statement.none"));
    }

    /** Reads the items again (filter changed, or an import changed the account): on a Vaadin request thread. */
    void load() {
        reads.incrementAndGet();
        try {
            show(items.ofCustomer(staff.tenantId(), customer.id(), filter.getValue())
                    .collectList().block()); // allowed-blocking: Vaadin request thread
        } catch (RuntimeException e) {
            Toasts.failure(e);
        }
    }

    /**
     * The same read without blocking, for live updates: the result, run on the UI thread, shows the items unless
     * a later read started meanwhile (e.g. the user changed the filter).
     */
    Mono<Runnable> reload() {
        long ticket = reads.incrementAndGet();
        return items.ofCustomer(staff.tenantId(), customer.id(), filter.getValue()).collectList().map(list -> () -> {
            if (reads.get() == ticket) {
                show(list);
            }
        });
    }

    void show(List<OpenItem> list) {
        rows.clear();
        list.forEach(i -> rows.put(i.key(), i));
        grid.deselectAll();
        provider.getItems().clear();
        provider.getItems().addAll(list);
        applyFilters();
    }

    /**
     * New states of items (from an event or a qualification result): each replaces its row if it is at least as
     * recent. Returns the rows that changed. Items not shown (e.g. closed ones under "open items") are ignored.
     */
    List<OpenItem> update(Collection<OpenItem> fresh, boolean bySomeoneElse) {
        List<OpenItem> changed = new ArrayList<>();
        for (OpenItem item : fresh) {
            OpenItem shown = rows.get(item.key());
            if (shown == null || item.version() < shown.version() || item.equals(shown)) {
                continue;
            }
            replace(shown, item);
            changed.add(item);
        }
        flash(changed, bySomeoneElse);
        return changed;
    }

    /** Applies the item states an event carries, without a query. */
    List<OpenItem> update(List<EventPayloads.ItemState> states, boolean bySomeoneElse) {
        List<OpenItem> fresh = new ArrayList<>();
        for (EventPayloads.ItemState state : states) {
            OpenItem shown = rows.get(state.key());
            if (shown != null && state.version() >= shown.version()) {
                fresh.add(state.applyTo(shown, statusesByCode::get));
            }
        }
        return update(fresh, bySomeoneElse);
    }

    private void replace(OpenItem shown, OpenItem item) {
        rows.put(item.key(), item);
        List<OpenItem> backing = (List<OpenItem>) provider.getItems();
        int index = backing.indexOf(shown);
        if (index >= 0) {
            backing.set(index, item);
        }
        boolean selected = grid.getSelectedItems().stream().anyMatch(s -> s.key().equals(item.key()));
        provider.refreshItem(item);
        if (selected) {
            // the selection keeps the state it was made with; give it the new one (and its version)
            grid.deselect(shown);
            grid.select(item);
        }
        updateSummary();
    }

    private void flash(List<OpenItem> changed, boolean bySomeoneElse) {
        if (!bySomeoneElse || changed.isEmpty()) {
            return;
        }
        Set<OpenItem.Key> keys = changed.stream().map(OpenItem::key).collect(Collectors.toSet());
        flashing.addAll(keys);
        changed.forEach(provider::refreshItem);
        UI ui = getUI().orElse(UI.getCurrent()); // a tab not shown is detached
        if (ui == null) {
            return;
        }
        Mono.delay(FLASH).subscribe(tick -> {
            try {
                ui.access(() -> {
                    flashing.removeAll(keys);
                    keys.stream().map(rows::get).filter(Objects::nonNull).forEach(provider::refreshItem);
                });
            } catch (UIDetachedException gone) {
                // the user left the sheet; nothing to un-highlight
            }
        });
    }

    /** Marks the rows other users are qualifying right now (from presence). */
    void markQualifying(Map<String, String> byNumber) {
        Set<String> touched = new HashSet<>(qualifyingBy.keySet());
        touched.addAll(byNumber.keySet());
        qualifyingBy = Map.copyOf(byNumber);
        rows.values().stream().filter(i -> touched.contains(i.number())).forEach(provider::refreshItem);
    }

    boolean isFlashing(OpenItem item) {
        return flashing.contains(item.key());
    }

    /** The selected items in their current state (with the version to qualify them at). */
    List<OpenItem> selectedItems() {
        return grid.getSelectedItems().stream().map(i -> rows.getOrDefault(i.key(), i))
                .sorted(Comparator.comparing(OpenItem::dueDate).thenComparing(OpenItem::number)).toList();
    }

    void statusesChanged(List<ItemStatus> statuses) {
        statusesByCode.clear();
        statuses.forEach(s -> statusesByCode.put(s.code(), s));
        ItemStatus chosen = status.getValue();
        status.setItems(statuses.stream().sorted(Comparator.comparing(ItemStatus::category)
                .thenComparing(s -> s.label(language()))).toList());
        if (chosen != null) {
            status.setValue(statusesByCode.get(chosen.code()));
        }
    }

    private void applyFilters() {
        StatusCategory c = category.getValue();
        ItemStatus s = status.getValue();
        provider.setFilter(i -> {
            ItemStatus st = i.qualification().status();
            return (c == null || st != null && st.category() == c) && (s == null || st != null && st.code().equals(s.code()));
        });
        updateSummary();
    }

    private void updateSummary() {
        List<OpenItem> shown = grid.getListDataView().getItems().toList();
        BigDecimal total = shown.stream().map(OpenItem::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        summary.setText(getTranslation("statement.summary", shown.size(),
                Money.format(total, customer.currency(), getLocale())));
    }

    private String rowParts(OpenItem item) {
        StringJoiner parts = new StringJoiner(" ");
        if (flashing.contains(item.key())) {
            parts.add("changed-elsewhere");
        }
        if (qualifyingBy.containsKey(item.number())) {
            parts.add("qualifying-elsewhere");
        }
        return parts.length() == 0 ? null : parts.toString();
    }

    private String amountOrBlank(BigDecimal amount) {
        return amount.signum() == 0 ? "" : Money.number(amount, getLocale());
    }

    private String language() {
        return getLocale() == null ? "en" : getLocale().getLanguage();
    }

    static String preview(String comment) {
        if (comment == null) {
            return "";
        }
        String oneLine = comment.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= COMMENT_PREVIEW ? oneLine : oneLine.substring(0, COMMENT_PREVIEW - 1) + "…";
    }
}
