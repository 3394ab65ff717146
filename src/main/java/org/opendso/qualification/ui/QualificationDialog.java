package org.opendso.qualification.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.opendso.action.ActionKind;
import org.opendso.customer.Contact;
import org.opendso.customer.Customer;
import org.opendso.item.OpenItem;
import org.opendso.qualification.ConfirmationMails;
import org.opendso.qualification.InvalidQualification;
import org.opendso.qualification.Qualification;
import org.opendso.qualification.QualificationResult;
import org.opendso.qualification.Qualifications;
import org.opendso.qualification.StaleItems;
import org.opendso.security.Staff;
import org.opendso.status.ItemStatus;
import org.opendso.status.StatusCategory;
import org.opendso.tenant.CompanySettings;
import org.opendso.ui.Money;
import org.opendso.ui.Tag;
import org.opendso.ui.Toasts;
import org.opendso.user.StaffUser;
import reactor.core.Exceptions;

/**
 * Qualifies the selected items in three steps: (1) status, date and comment; (2) an optional confirmation
 * email, drafted from step 1 and editable; (3) continue the scenario or create a specific action. Saves in one
 * go through {@link Qualifications}: when someone changed an item meanwhile, nothing is saved and the dialog
 * says what changed, by whom and when, and offers to apply the same qualification to the current state.
 */
public class QualificationDialog extends Dialog {

    enum Step { STATUS, MAIL, NEXT }

    enum NextStep { CONTINUE, SPECIFIC }

    /** Who may receive the confirmation: a contact of the customer or a colleague. */
    record Recipient(String name, String email, boolean colleague) {
    }

    private final Qualifications qualifications;
    private final ConfirmationMails mails;
    private final Staff staff;
    private final Customer customer;
    private final CompanySettings company;
    private final Consumer<QualificationResult> onSaved;
    private final Consumer<List<OpenItem>> onChangedMeanwhile;

    /** The items with the version the user decides on; replaced by their current state on "re-apply". */
    private List<OpenItem> items;
    /** The current state of the items that changed, after a conflict. */
    private List<OpenItem> changedMeanwhile = List.of();
    private Step step = Step.STATUS;

    final Div stepper = new Div();
    private final Map<Step, Span> stepLabels = new EnumMap<>(Step.class);
    private final Map<Step, Component> pages = new EnumMap<>(Step.class);
    final Paragraph itemsLine = new Paragraph();
    final Div conflict = new Div();
    final Button reapply = new Button();

    final ComboBox<ItemStatus> status = new ComboBox<>();
    final DatePicker date = new DatePicker();
    final Span followUp = new Span();
    final TextArea comment = new TextArea();

    final Checkbox sendMail = new Checkbox();
    final ComboBox<Recipient> recipient = new ComboBox<>();
    final TextField subject = new TextField();
    final TextArea body = new TextArea();
    final IFrame preview = new IFrame();
    private final VerticalLayout mailFields = new VerticalLayout();
    private boolean subjectEdited;
    private boolean bodyEdited;
    private String draftBasis;

    final RadioButtonGroup<NextStep> next = new RadioButtonGroup<>();
    final Select<ActionKind> kind = new Select<>();
    final DatePicker dueDate = new DatePicker();
    final ComboBox<StaffUser> assignee = new ComboBox<>();
    final TextArea note = new TextArea();
    private final FormLayout actionFields = new FormLayout();

    final Button back = new Button();
    final Button forward = new Button();
    final Button save = new Button();
    final Button cancel = new Button();

    QualificationDialog(Qualifications qualifications, ConfirmationMails mails, Staff staff, Customer customer,
                        CompanySettings company, List<ItemStatus> statuses, List<Contact> contacts,
                        List<StaffUser> colleagues, List<StaffUser> resolvers, List<OpenItem> items,
                        Consumer<QualificationResult> onSaved,
                        Consumer<List<OpenItem>> onChangedMeanwhile) {
        this.qualifications = qualifications;
        this.mails = mails;
        this.staff = staff;
        this.customer = customer;
        this.company = company;
        this.items = List.copyOf(items);
        this.onSaved = onSaved;
        this.onChangedMeanwhile = onChangedMeanwhile;
        addClassName("qualification-dialog");
        setId("qualification-dialog");
        setWidth("min(46em, 96vw)");
        setCloseOnOutsideClick(false);
        setHeaderTitle(items.size() == 1 ? getTranslation("qualify.title.one", items.getFirst().number())
                : getTranslation("qualify.title", items.size()));

        buildStepper();
        itemsLine.addClassName("qualify-items");
        conflict.addClassName("qualify-conflict");
        conflict.setId("qualify-conflict");
        conflict.setVisible(false);
        reapply.setText(getTranslation("qualify.conflict.reapply"));
        reapply.setIcon(new Icon(VaadinIcon.REFRESH));
        reapply.addThemeVariants(ButtonVariant.PRIMARY);
        reapply.setId("qualify-reapply");
        reapply.addClickListener(e -> reapply());

        pages.put(Step.STATUS, statusPage(statuses));
        pages.put(Step.MAIL, mailPage(contacts, colleagues));
        pages.put(Step.NEXT, nextPage(resolvers));
        Div body = new Div(stepper, itemsLine, conflict);
        pages.values().forEach(body::add);
        add(body);

        back.setText(getTranslation("qualify.back"));
        back.setId("qualify-back");
        back.addClickListener(e -> go(Step.values()[step.ordinal() - 1]));
        forward.setText(getTranslation("qualify.next"));
        forward.setId("qualify-forward");
        forward.addClickListener(e -> forward());
        save.setText(getTranslation("qualify.save"));
        save.setId("qualify-save");
        save.addClickListener(e -> save());
        cancel.setText(getTranslation("action.cancel"));
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        cancel.addClickListener(e -> close());
        getFooter().add(cancel, back, forward, save);

        showItems();
        go(Step.STATUS);
    }

    private void buildStepper() {
        stepper.addClassName("qualify-stepper");
        int n = 1;
        for (Step s : Step.values()) {
            Span label = new Span(getTranslation("qualify.step", n++, getTranslation("qualify.step." + s.name())));
            label.addClassName("qualify-step");
            stepLabels.put(s, label);
            stepper.add(label);
        }
    }

    private Component statusPage(List<ItemStatus> statuses) {
        status.setId("qualify-status");
        status.setLabel(getTranslation("qualify.status"));
        status.setRequiredIndicatorVisible(true);
        status.setItems(statuses.stream().sorted(Comparator.comparing(ItemStatus::category)
                .thenComparing(s -> s.label(language()))).toList());
        status.setItemLabelGenerator(s -> s.label(language()) + " · " + categoryLabel(s.category()));
        status.setRenderer(new ComponentRenderer<>(s -> {
            Span label = new Span(s.label(language()));
            Tag category = new Tag(categoryLabel(s.category()), StatusTag.tone(s.category()));
            HorizontalLayout row = new HorizontalLayout(category, label);
            row.setSpacing(true);
            row.setPadding(false);
            return row;
        }));
        status.setManualValidation(true);
        status.addValueChangeListener(e -> {
            status.setInvalid(false);
            statusChanged();
        });

        date.setId("qualify-date");
        date.setManualValidation(true);
        date.addValueChangeListener(e -> {
            date.setInvalid(false);
            showFollowUp();
        });
        followUp.addClassName("qualify-follow-up");
        followUp.setId("qualify-follow-up");

        comment.setId("qualify-comment");
        comment.setLabel(getTranslation("qualify.comment"));
        comment.setRequiredIndicatorVisible(true);
        comment.setMaxLength(4000);
        comment.setMinHeight("7em");
        comment.setManualValidation(true);
        comment.addValueChangeListener(e -> comment.setInvalid(false));

        FormLayout form = new FormLayout(status, date, followUp, comment);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        form.setColspan(followUp, 2);
        form.setColspan(comment, 2);
        statusChanged();
        return form;
    }

    private Component mailPage(List<Contact> contacts, List<StaffUser> colleagues) {
        sendMail.setId("qualify-send-mail");
        sendMail.setLabel(getTranslation("qualify.send-mail"));
        sendMail.addValueChangeListener(e -> {
            mailFields.setVisible(e.getValue());
            if (e.getValue()) {
                draft();
            }
        });

        List<Recipient> recipients = new ArrayList<>();
        contacts.stream().filter(c -> hasText(c.email()))
                .forEach(c -> recipients.add(new Recipient(c.name(), c.email().strip(), false)));
        colleagues.stream().filter(u -> hasText(u.email()))
                .forEach(u -> recipients.add(new Recipient(u.name(), u.email().strip(), true)));
        recipient.setId("qualify-recipient");
        recipient.setLabel(getTranslation("qualify.recipient"));
        recipient.setRequiredIndicatorVisible(true);
        recipient.setItems(recipients);
        recipient.setItemLabelGenerator(r -> r.name() + " <" + r.email() + ">");
        recipient.setRenderer(new ComponentRenderer<>(r -> {
            Tag who = new Tag(getTranslation(r.colleague() ? "qualify.recipient.user" : "qualify.recipient.contact"),
                    r.colleague() ? "neutral" : "primary");
            HorizontalLayout row = new HorizontalLayout(who, new Span(r.name() + " <" + r.email() + ">"));
            row.setPadding(false);
            return row;
        }));
        recipient.setWidthFull();
        recipient.setManualValidation(true);
        recipient.addValueChangeListener(e -> {
            recipient.setInvalid(false);
            if (sendMail.getValue()) {
                draft();
            }
        });
        // the collection contact is whom a confirmation usually goes to
        contacts.stream().filter(c -> c.collectionContact() && hasText(c.email())).findFirst()
                .or(() -> contacts.stream().filter(c -> hasText(c.email())).findFirst())
                .flatMap(c -> recipients.stream().filter(r -> !r.colleague() && r.email().equals(c.email().strip())).findFirst())
                .ifPresent(recipient::setValue);

        subject.setId("qualify-subject");
        subject.setLabel(getTranslation("qualify.subject"));
        subject.setWidthFull();
        subject.addValueChangeListener(e -> subjectEdited |= e.isFromClient());
        body.setId("qualify-body");
        body.setLabel(getTranslation("qualify.body"));
        body.setWidthFull();
        body.setMinHeight("10em");
        body.setValueChangeMode(ValueChangeMode.LAZY);
        body.addValueChangeListener(e -> {
            bodyEdited |= e.isFromClient();
            preview.setSrcdoc(e.getValue());
        });
        // the draft is the user's own text; still, nothing in it may run in the application's page
        preview.setSandbox(IFrame.SandboxType.RESTRICT_ALL);
        preview.addClassName("qualify-preview");
        preview.setTitle(getTranslation("qualify.preview"));
        Span previewLabel = new Span(getTranslation("qualify.preview"));
        previewLabel.addClassName("qualify-preview-label");

        mailFields.setPadding(false);
        mailFields.add(recipient, subject, body, previewLabel, preview);
        mailFields.setVisible(false);
        VerticalLayout page = new VerticalLayout(sendMail, mailFields);
        page.setPadding(false);
        return page;
    }

    /** Step 3; the resolvers are the users who see the account (the service refuses anyone else). */
    private Component nextPage(List<StaffUser> colleagues) {
        next.setId("qualify-next");
        next.setItems(NextStep.values());
        next.setItemLabelGenerator(n -> getTranslation("qualify.next." + n.name()));
        next.setValue(NextStep.CONTINUE);
        next.setHelperText(getTranslation("qualify.next.hint"));
        next.addValueChangeListener(e -> {
            actionFields.setVisible(e.getValue() == NextStep.SPECIFIC);
            if (e.getValue() == NextStep.SPECIFIC) {
                actionDefaults();
            }
        });

        kind.setId("qualify-kind");
        kind.setLabel(getTranslation("qualify.kind"));
        kind.setItems(ActionKind.values());
        kind.setItemLabelGenerator(k -> k == null ? "" : getTranslation("sheet.actions.kind." + k.name()));
        dueDate.setId("qualify-due-date");
        dueDate.setLabel(getTranslation("qualify.due-date"));
        dueDate.setRequiredIndicatorVisible(true);
        dueDate.setManualValidation(true);
        dueDate.addValueChangeListener(e -> dueDate.setInvalid(false));
        assignee.setId("qualify-assignee");
        assignee.setLabel(getTranslation("qualify.assignee"));
        assignee.setRequiredIndicatorVisible(true);
        assignee.setItems(colleagues);
        assignee.setItemLabelGenerator(u -> u.name() + " (" + u.login() + ")");
        assignee.setManualValidation(true);
        assignee.addValueChangeListener(e -> assignee.setInvalid(false));
        colleagues.stream().filter(u -> u.id() == staff.userId()).findFirst().ifPresent(assignee::setValue);
        note.setId("qualify-note");
        note.setLabel(getTranslation("qualify.note"));
        actionFields.add(kind, dueDate, assignee, note);
        actionFields.setColspan(note, 2);
        actionFields.setVisible(false);
        VerticalLayout page = new VerticalLayout(next, actionFields);
        page.setPadding(false);
        return page;
    }

    /** The date field says what the date means for the chosen status; the follow-up preview follows. */
    private void statusChanged() {
        if (isPromise()) {
            date.setLabel(getTranslation("qualify.promised-date"));
            date.setRequiredIndicatorVisible(true);
            date.setHelperText(null);
            date.setMin(LocalDate.now());
        } else {
            date.setLabel(getTranslation("qualify.date"));
            date.setRequiredIndicatorVisible(false);
            date.setHelperText(getTranslation("qualify.date.helper"));
            date.setMin(null);
        }
        showFollowUp();
    }

    private void showFollowUp() {
        LocalDate when = followUpDate();
        if (status.getValue() == null) {
            followUp.setText("");
        } else if (when == null) {
            followUp.setText(getTranslation("qualify.follow-up.promised"));
        } else {
            followUp.setText(getTranslation("qualify.follow-up", Money.date(when, getLocale())));
        }
    }

    /** Today plus the status's delay; for a promise to pay, the promised date (as the service computes it). */
    LocalDate followUpDate() {
        ItemStatus s = status.getValue();
        if (s == null) {
            return null;
        }
        return s.category() == StatusCategory.PROMISE_TO_PAY ? date.getValue() : LocalDate.now().plusDays(s.followUpDays());
    }

    private boolean isPromise() {
        return status.getValue() != null && status.getValue().category() == StatusCategory.PROMISE_TO_PAY;
    }

    private void actionDefaults() {
        if (kind.getValue() == null) {
            StatusCategory c = status.getValue() == null ? null : status.getValue().category();
            kind.setValue(c == StatusCategory.DISPUTE ? ActionKind.DISPUTE_FOLLOW_UP
                    : c == StatusCategory.PROMISE_TO_PAY ? ActionKind.PROMISE_FOLLOW_UP : ActionKind.CUSTOM);
        }
        if (dueDate.getValue() == null) {
            dueDate.setValue(followUpDate() == null ? LocalDate.now().plusDays(7) : followUpDate());
        }
    }

    private void forward() {
        if (step == Step.STATUS && !statusStepComplete()) {
            return;
        }
        go(Step.values()[step.ordinal() + 1]);
    }

    /** The checks the user should not need a round trip for; the service checks all of them again. */
    private boolean statusStepComplete() {
        boolean complete = true;
        if (status.getValue() == null) {
            invalid(status, getTranslation("qualify.status.required"));
            complete = false;
        }
        if (isPromise() && date.getValue() == null) {
            invalid(date, getTranslation("qualify.promised-date.required"));
            complete = false;
        }
        if (comment.getValue().isBlank()) {
            invalid(comment, getTranslation("qualify.comment.required"));
            complete = false;
        }
        return complete;
    }

    void go(Step target) {
        step = target;
        pages.forEach((s, page) -> page.setVisible(s == target));
        stepLabels.forEach((s, label) -> {
            label.getElement().getClassList().set("qualify-step-active", s == target);
            label.getElement().getClassList().set("qualify-step-done", s.ordinal() < target.ordinal());
        });
        back.setVisible(target != Step.STATUS);
        forward.setVisible(target != Step.NEXT);
        save.removeThemeVariants(ButtonVariant.PRIMARY);
        forward.removeThemeVariants(ButtonVariant.PRIMARY);
        (target == Step.NEXT ? save : forward).addThemeVariants(ButtonVariant.PRIMARY);
        if (target == Step.MAIL && sendMail.getValue()) {
            draft();
        }
    }

    Step step() {
        return step;
    }

    /** Drafts subject and body from step 1 and the recipient; text the user edited is left alone. */
    private void draft() {
        ItemStatus s = status.getValue();
        Recipient to = recipient.getValue();
        String basis = (s == null ? "" : s.code()) + "|" + date.getValue() + "|" + comment.getValue() + "|"
                + (to == null ? "" : to.email()) + "|" + items.stream().map(OpenItem::number).collect(Collectors.joining(","));
        if (basis.equals(draftBasis)) {
            return;
        }
        draftBasis = basis;
        ConfirmationMails.Draft draft = mails.draft(company.language(), company.name(),
                to == null ? customer.name() : to.name(), s, date.getValue() == null ? LocalDate.now() : date.getValue(),
                comment.getValue(), items);
        if (!subjectEdited) {
            subject.setValue(draft.subject());
        }
        if (!bodyEdited) {
            body.setValue(draft.bodyHtml());
        }
    }

    Qualification qualification() {
        List<Qualification.ItemRef> refs = items.stream()
                .map(i -> new Qualification.ItemRef(i.type(), i.number(), i.version())).toList();
        Qualification.ConfirmationMail mail = null;
        if (sendMail.getValue()) {
            draft();
            Recipient to = recipient.getValue();
            mail = new Qualification.ConfirmationMail(to == null ? null : to.email(), to == null ? null : to.name(),
                    subject.getValue(), body.getValue());
        }
        Qualification.NextAction action = null;
        if (next.getValue() == NextStep.SPECIFIC) {
            action = new Qualification.NextAction(kind.getValue(), dueDate.getValue(), assignee.getValue().id(),
                    note.getValue());
        }
        return new Qualification(refs, status.getValue() == null ? null : status.getValue().code(), date.getValue(),
                comment.getValue(), mail, action);
    }

    void save() {
        if (next.getValue() == NextStep.SPECIFIC) {
            actionDefaults();
            if (assignee.getValue() == null) {
                go(Step.NEXT);
                invalid(assignee, getTranslation("qualify.assignee.required"));
                return;
            }
        }
        QualificationResult result;
        try {
            result = qualifications.qualify(staff, customer.id(), qualification())
                    .block(); // allowed-blocking: Vaadin request thread
        } catch (RuntimeException e) {
            Throwable cause = Exceptions.unwrap(e);
            if (cause instanceof StaleItems stale) {
                showConflict(stale.current());
            } else if (cause instanceof InvalidQualification invalid) {
                showInvalid(invalid.field(), invalid.getMessage());
            } else {
                Toasts.failure(cause);
            }
            return;
        }
        conflict.setVisible(false);
        String label = status.getValue().label(language());
        Toasts.success(result.items().size() == 1
                ? getTranslation("qualify.saved.one", result.items().getFirst().number(), label)
                : getTranslation("qualify.saved.many", result.items().size(), label));
        close();
        onSaved.accept(result);
    }

    /** Marks the field the service named, on its step; a problem with the items themselves is shown as a toast. */
    private void showInvalid(String field, String message) {
        switch (field) {
            case "status" -> fieldOnStep(Step.STATUS, status, message);
            case "date" -> fieldOnStep(Step.STATUS, date, message);
            case "comment" -> fieldOnStep(Step.STATUS, comment, message);
            case "nextAction.dueDate" -> fieldOnStep(Step.NEXT, dueDate, message);
            default -> {
                if (field.startsWith("email")) {
                    fieldOnStep(Step.MAIL, recipient, message);
                } else if (field.startsWith("nextAction")) {
                    fieldOnStep(Step.NEXT, assignee, message);
                } else {
                    Toasts.error(message);
                }
            }
        }
    }

    private void fieldOnStep(Step where, HasValidation field, String message) {
        go(where);
        invalid(field, message);
    }

    private static void invalid(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    /** Nothing was saved: say per item what it is now, who changed it and how long ago. */
    private void showConflict(List<OpenItem> current) {
        changedMeanwhile = List.copyOf(current);
        onChangedMeanwhile.accept(changedMeanwhile);
        conflict.removeAll();
        Span title = new Span(getTranslation("qualify.conflict.title"));
        title.addClassName("qualify-conflict-title");
        UnorderedList lines = new UnorderedList();
        for (OpenItem item : current) {
            lines.add(new ListItem(conflictLine(item)));
        }
        boolean anyOpen = current.stream().anyMatch(OpenItem::isOpen)
                || items.stream().anyMatch(i -> current.stream().noneMatch(c -> c.key().equals(i.key())));
        conflict.add(new Icon(VaadinIcon.WARNING), title, lines);
        if (anyOpen) {
            conflict.add(reapply);
        } else {
            conflict.add(new Paragraph(getTranslation("qualify.conflict.nothing-left")));
        }
        conflict.setVisible(true);
    }

    String conflictLine(OpenItem item) {
        if (!item.isOpen()) {
            return getTranslation("qualify.conflict.closed", item.number());
        }
        var q = item.qualification();
        String who = q.changedBy() == null ? getTranslation("qualify.conflict.by-import") : q.changedBy();
        String when = Ago.of(q.changedAt(), this);
        return q.status() == null ? getTranslation("qualify.conflict.item.no-status", item.number(), who, when)
                : getTranslation("qualify.conflict.item", item.number(), q.status().label(language()), who, when);
    }

    /** Takes the current versions of the changed items (leaving closed ones out) and saves again. */
    void reapply() {
        Map<OpenItem.Key, OpenItem> fresh = changedMeanwhile.stream()
                .collect(Collectors.toMap(OpenItem::key, i -> i, (a, b) -> b));
        List<OpenItem> now = new ArrayList<>();
        for (OpenItem item : items) {
            OpenItem current = fresh.getOrDefault(item.key(), item);
            if (current.isOpen()) {
                now.add(current);
            }
        }
        if (now.isEmpty()) {
            Toasts.error(getTranslation("qualify.conflict.nothing-left"));
            return;
        }
        items = List.copyOf(now);
        showItems();
        conflict.setVisible(false);
        save();
    }

    List<OpenItem> items() {
        return items;
    }

    private void showItems() {
        List<String> numbers = items.stream().map(OpenItem::number).toList();
        String named = numbers.size() <= 5 ? String.join(", ", numbers)
                : getTranslation("sheet.items.more", String.join(", ", numbers.subList(0, 4)), numbers.size() - 4);
        BigDecimal open = items.stream().map(OpenItem::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        itemsLine.setText(getTranslation("qualify.items", named, Money.format(open, customer.currency(), getLocale())));
    }

    private String categoryLabel(StatusCategory category) {
        return getTranslation("qualify.category." + category.name());
    }

    private String language() {
        return getLocale() == null ? "en" : getLocale().getLanguage();
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
