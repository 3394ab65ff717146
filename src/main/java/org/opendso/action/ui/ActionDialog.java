package org.opendso.action.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.opendso.action.SpecificAction;
import org.opendso.security.Staff;
import org.opendso.ui.Money;

/**
 * One specific action: what, which items, who resolves it, by when, its note and how it ended; an open one is
 * completed, edited or cancelled from here. What the agenda and the link of a notification mail open.
 */
public class ActionDialog extends Dialog {

    final Button complete = new Button();
    final Button edit = new Button();
    final Button cancel = new Button();

    ActionDialog(SpecificActionDialogs dialogs, Staff staff, SpecificAction a, Runnable onChanged) {
        setHeaderTitle(getTranslation("sheet.actions.kind." + a.kind().name()) + " · " + a.account());
        addClassName("specific-action-details");
        setWidth("min(36em, 96vw)");
        Div facts = new Div();
        facts.addClassName("specific-action-facts");
        facts.add(fact("actions.customer", a.account() + " · " + a.customerName()),
                fact("sheet.actions.items", String.join(", ", a.items())),
                fact("actions.resolver", a.assigneeName()),
                fact("actions.due", Money.date(a.dueDate(), getLocale())),
                fact("sheet.actions.state", getTranslation("sheet.actions.state." + a.state().name())
                        + (a.outcome() == null || a.isOpen() ? "" : " · " + getTranslation("actions.outcome." + a.outcome().name()))),
                fact("actions.note", a.note() == null ? "" : a.note()),
                fact("sheet.actions.created", getTranslation("sheet.actions.created-by", a.createdBy(),
                        Money.dateTime(a.createdAt(), getLocale()))));
        if (!a.isOpen()) {
            facts.add(fact("actions.closed", getTranslation("sheet.actions.done", a.completedBy() == null ? "" : a.completedBy(),
                    Money.dateTime(a.completedAt(), getLocale()), a.completionNote() == null ? "" : a.completionNote())));
        }
        add(facts, new Anchor("customers/" + URLEncoder.encode(a.account(), StandardCharsets.UTF_8).replace("+", "%20"),
                getTranslation("actions.open-sheet")));

        Runnable changed = () -> {
            close();
            onChanged.run();
        };
        complete.setText(getTranslation("sheet.actions.complete"));
        complete.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SUCCESS);
        complete.addClickListener(e -> dialogs.complete(staff, a, changed));
        edit.setText(getTranslation("actions.edit"));
        edit.addClickListener(e -> dialogs.edit(staff, a, changed));
        cancel.setText(getTranslation("actions.cancel"));
        cancel.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.LUMO_TERTIARY);
        cancel.addClickListener(e -> dialogs.cancel(staff, a, changed));
        Button close = new Button(getTranslation("actions.close"), e -> close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        if (a.isOpen()) {
            getFooter().add(close, cancel, edit, complete);
        } else {
            getFooter().add(close);
        }
    }

    private Paragraph fact(String label, String value) {
        Span l = new Span(getTranslation(label));
        l.addClassName("fact-label");
        Paragraph p = new Paragraph(l, new Span(value));
        p.addClassName("fact");
        return p;
    }
}
