package org.opendso.status.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
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
import java.util.Set;
import java.util.stream.Collectors;
import org.opendso.security.CurrentStaff;
import org.opendso.security.Staff;
import org.opendso.status.ItemStatus;
import org.opendso.status.StatusDeletion;
import org.opendso.status.StatusDraft;
import org.opendso.status.StatusInUse;
import org.opendso.status.StatusUsage;
import org.opendso.status.Statuses;
import org.opendso.ui.Tag;
import org.opendso.ui.Toasts;
import reactor.core.Exceptions;

/** Settings, "Item statuses": the company's statuses with how many open items carry each. Admins only. */
@Route("settings/statuses")
@Menu(title = "menu.statuses", order = 65, icon = "vaadin:tags")
@RolesAllowed("ADMIN")
public class ItemStatusesView extends VerticalLayout implements HasDynamicTitle {

    private final Statuses statuses;
    private final Staff staff;
    private List<StatusUsage> rows = List.of();

    final Grid<StatusUsage> grid = new Grid<>(StatusUsage.class, false);
    final Button create = new Button();

    ItemStatusesView(Statuses statuses) {
        this.statuses = statuses;
        this.staff = CurrentStaff.require();
        addClassName("item-statuses-view");
        setSizeFull();

        create.setText(getTranslation("statuses.create"));
        create.setIcon(new Icon(VaadinIcon.PLUS));
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(e -> openCreate());
        Paragraph intro = new Paragraph(getTranslation("statuses.intro"));
        intro.addClassName("statuses-intro");

        String language = getLocale().getLanguage();
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.setSizeFull();
        grid.addColumn(u -> u.status().code()).setHeader(getTranslation("statuses.code")).setKey("code")
                .setAutoWidth(true).setFlexGrow(0).setSortable(true);
        grid.addColumn(u -> u.status().label(language)).setHeader(getTranslation("statuses.label")).setKey("label")
                .setFlexGrow(2).setSortable(true).setComparator(u -> u.status().label(language).toLowerCase());
        grid.addComponentColumn(u -> new CategoryTag(u.status().category()))
                .setHeader(getTranslation("statuses.category")).setKey("category").setAutoWidth(true).setFlexGrow(0)
                .setComparator(u -> u.status().category().ordinal());
        grid.addColumn(u -> u.status().followUpDays()).setHeader(getTranslation("statuses.follow-up-days"))
                .setKey("followUpDays").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(u -> u.status().standard() ? new Tag(getTranslation("statuses.standard"), "neutral")
                        : new Tag(getTranslation("statuses.custom"), "primary"))
                .setHeader(getTranslation("statuses.origin")).setKey("standard").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(StatusUsage::openItems).setHeader(getTranslation("statuses.open-items")).setKey("openItems")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0).setSortable(true);
        grid.addComponentColumn(this::actions).setKey("actions").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setFlexGrow(0);

        add(intro, create, grid);
        expand(grid);
        load();
    }

    private HorizontalLayout actions(StatusUsage usage) {
        Button edit = new Button(getTranslation("action.edit"), new Icon(VaadinIcon.EDIT), e -> openEdit(usage.status()));
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        Button delete = new Button(getTranslation("action.delete"), new Icon(VaadinIcon.TRASH), e -> askDelete(usage));
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(edit, delete);
    }

    void load() {
        try {
            rows = statuses.usage(staff.tenantId()).collectList().block(); // allowed-blocking: Vaadin request thread
            grid.setItems(rows);
        } catch (RuntimeException e) {
            Toasts.failure(e);
        }
    }

    List<StatusUsage> rows() {
        return rows;
    }

    StatusDialog openCreate() {
        Set<String> taken = rows.stream().map(u -> u.status().code()).collect(Collectors.toSet());
        StatusDialog dialog = new StatusDialog(null, taken, draft -> {
            try {
                ItemStatus created = statuses.create(staff, draft).block(); // allowed-blocking: Vaadin request thread
                Toasts.success(getTranslation("statuses.created", created.label(getLocale().getLanguage())));
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

    StatusDialog openEdit(ItemStatus status) {
        StatusDialog dialog = new StatusDialog(status, Set.of(), draft -> {
            try {
                ItemStatus saved = statuses.update(staff, status.code(), draft, status.version())
                        .block(); // allowed-blocking: Vaadin request thread
                Toasts.success(getTranslation("statuses.saved", saved.label(getLocale().getLanguage())));
            } catch (RuntimeException e) {
                Toasts.failure(e);
                load();
                return false;
            }
            load();
            return true;
        });
        dialog.open();
        return dialog;
    }

    /** A status nobody uses goes after a confirmation; one in use asks where its items go. */
    void askDelete(StatusUsage usage) {
        ItemStatus status = usage.status();
        String label = status.label(getLocale().getLanguage());
        if (usage.items() > 0) {
            openReplacement(usage);
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.addClassName("status-delete-confirm");
        confirm.setHeader(getTranslation("statuses.delete.title", label));
        confirm.setText(getTranslation("statuses.delete.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("action.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> delete(status, null));
        confirm.open();
    }

    ReplacementDialog openReplacement(StatusUsage usage) {
        List<ItemStatus> others = rows.stream().map(StatusUsage::status)
                .filter(s -> s.id() != usage.status().id()).toList();
        ReplacementDialog dialog = new ReplacementDialog(usage.status(), usage.items(), others,
                replacement -> delete(usage.status(), replacement));
        dialog.open();
        return dialog;
    }

    /** True when deleted; a status that got items meanwhile opens the replacement question instead. */
    boolean delete(ItemStatus status, ItemStatus replacement) {
        String language = getLocale().getLanguage();
        try {
            StatusDeletion done = statuses.delete(staff, status.code(), replacement == null ? null : replacement.code())
                    .block(); // allowed-blocking: Vaadin request thread
            Toasts.success(done.movedItems() == 0
                    ? getTranslation("statuses.deleted", status.label(language))
                    : getTranslation("statuses.deleted.moved", status.label(language), done.movedItems(),
                    replacement.label(language)));
            load();
            return true;
        } catch (RuntimeException e) {
            load();
            if (Exceptions.unwrap(e) instanceof StatusInUse inUse) {
                Toasts.error(getTranslation("statuses.delete.now-in-use", inUse.items()));
                rows.stream().filter(u -> u.status().id() == status.id()).findFirst().ifPresent(this::openReplacement);
            } else {
                Toasts.failure(e);
            }
            return false;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("statuses.title");
    }
}
