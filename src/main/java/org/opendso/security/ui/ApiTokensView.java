package org.opendso.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.opendso.security.ApiToken;
import org.opendso.security.ApiTokens;
import org.opendso.security.CurrentStaff;
import org.opendso.security.IssuedApiToken;
import org.opendso.security.Staff;
import org.opendso.ui.Money;
import org.opendso.ui.Tag;
import org.opendso.ui.Toasts;

/** A staff member's personal API tokens: create one (its secret is shown once), revoke. */
@Route("settings/api-tokens")
@Menu(title = "menu.api-tokens", order = 80, icon = "vaadin:key")
@PermitAll
public class ApiTokensView extends VerticalLayout implements HasDynamicTitle {

    private final ApiTokens tokens;
    private final Staff staff;

    final Grid<ApiToken> grid = new Grid<>(ApiToken.class, false);
    final Button create = new Button();

    ApiTokensView(ApiTokens tokens) {
        this.tokens = tokens;
        this.staff = CurrentStaff.require();
        addClassName("api-tokens-view");
        setSizeFull();

        create.setText(getTranslation("tokens.create"));
        create.setIcon(new Icon(VaadinIcon.PLUS));
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickListener(e -> openCreate());

        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.setSizeFull();
        grid.addColumn(ApiToken::name).setHeader(getTranslation("tokens.name")).setKey("name").setFlexGrow(2);
        grid.addColumn(t -> t.prefix() + "…").setHeader(getTranslation("tokens.prefix")).setKey("prefix").setAutoWidth(true);
        grid.addColumn(t -> Money.dateTime(t.createdAt(), getLocale())).setHeader(getTranslation("tokens.created"))
                .setKey("created").setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? getTranslation("tokens.never") : Money.dateTime(t.lastUsedAt(), getLocale()))
                .setHeader(getTranslation("tokens.last-used")).setKey("lastUsed").setAutoWidth(true);
        grid.addComponentColumn(t -> t.isActive() ? new Tag(getTranslation("tokens.active"), "success")
                        : new Tag(getTranslation("tokens.revoked"), "neutral"))
                .setHeader(getTranslation("tokens.state")).setKey("state").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(t -> {
            Button revoke = new Button(getTranslation("tokens.revoke"), e -> confirmRevoke(t));
            revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            revoke.setVisible(t.isActive());
            return revoke;
        }).setKey("actions").setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("tokens.none"));

        add(new Paragraph(getTranslation("tokens.hint")), create, grid);
        expand(grid);
        load();
    }

    void load() {
        try {
            grid.setItems(tokens.of(staff).collectList().block()); // allowed-blocking: Vaadin request thread
        } catch (RuntimeException e) {
            Toasts.failure(e);
        }
    }

    Dialog openCreate() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("tokens.new"));
        TextField name = new TextField(getTranslation("tokens.name"));
        name.setPlaceholder(getTranslation("tokens.name.placeholder"));
        name.setWidthFull();
        name.setRequired(true);
        dialog.add(name);
        Button confirm = new Button(getTranslation("tokens.create"), e -> {
            try {
                IssuedApiToken issued = tokens.create(staff, name.getValue()).block(); // allowed-blocking: Vaadin request thread
                dialog.close();
                load();
                showSecret(issued);
            } catch (RuntimeException ex) {
                Toasts.failure(ex);
            }
        });
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), confirm);
        dialog.setWidth("26em");
        dialog.open();
        return dialog;
    }

    private void showSecret(IssuedApiToken issued) {
        Dialog dialog = new Dialog();
        dialog.addClassName("token-secret-dialog");
        dialog.setHeaderTitle(getTranslation("tokens.issued", issued.name()));
        TextField secret = new TextField(getTranslation("tokens.secret"));
        secret.setValue(issued.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.addClassName("secret");
        dialog.add(new Paragraph(getTranslation("tokens.secret.once")), secret,
                new Paragraph(getTranslation("tokens.secret.usage")));
        Button copy = new Button(getTranslation("action.copy"), new Icon(VaadinIcon.COPY), e -> {
            dialog.getUI().ifPresent(ui -> ui.getPage()
                    .executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", issued.secret()));
            Toasts.info(getTranslation("tokens.copied"));
        });
        Button done = new Button(getTranslation("action.done"), e -> dialog.close());
        done.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(copy, done);
        dialog.setWidth("34em");
        dialog.open();
    }

    private void confirmRevoke(ApiToken token) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("tokens.revoke.title", token.name()));
        confirm.setText(getTranslation("tokens.revoke.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("tokens.revoke"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                tokens.revoke(staff, token.id()).block(); // allowed-blocking: Vaadin request thread
                Toasts.success(getTranslation("tokens.revoked.done", token.name()));
            } catch (RuntimeException ex) {
                Toasts.failure(ex);
            }
            load();
        });
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tokens.title");
    }
}
