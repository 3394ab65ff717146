package org.opendso.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.function.Consumer;
import org.opendso.portal.InvalidPortalRequest;
import org.opendso.portal.Portal;
import org.opendso.portal.Submission;
import org.opendso.portal.SubmissionDecided;
import org.opendso.portal.SubmissionDecision;
import org.opendso.portal.SubmissionKind;
import org.opendso.portal.Submissions;
import org.opendso.qualification.InvalidQualification;
import org.opendso.qualification.StaleItems;
import org.opendso.security.Staff;
import org.opendso.status.ItemStatus;
import org.opendso.status.StatusCategory;
import org.opendso.status.Statuses;
import org.opendso.ui.Toasts;

/**
 * Validates a customer's submission (choosing the status of a dispute, or one for a comment, and an answer the
 * customer reads) or rejects it with a reason. Someone else deciding first is told, and the tab shows the outcome.
 */
class DecisionDialog extends Dialog {

    final ComboBox<ItemStatus> status = new ComboBox<>();
    final TextArea text = new TextArea();
    final Span error = new Span();
    final Button confirm = new Button();

    private final Submissions submissions;
    private final Staff staff;
    private final Submission submission;
    private final boolean validate;
    private final Consumer<Submission> onDecided;

    DecisionDialog(Submissions submissions, Statuses statuses, Staff staff, Submission submission, boolean validate,
                   Consumer<Submission> onDecided) {
        this.submissions = submissions;
        this.staff = staff;
        this.submission = submission;
        this.validate = validate;
        this.onDecided = onDecided;
        addClassName("portal-decision");
        setHeaderTitle(getTranslation(validate ? "portal.decision.validate.title" : "portal.decision.reject.title"));
        String lang = getLocale().getLanguage();
        VerticalLayout form = new VerticalLayout();
        form.setPadding(false);
        form.add(new Paragraph(submission.comment()));
        if (validate && submission.kind() != SubmissionKind.PROMISE) {
            List<ItemStatus> all = statuses.all(staff.tenantId()).collectList()
                    .block(); // allowed-blocking: Vaadin request thread
            List<ItemStatus> choices = submission.kind() == SubmissionKind.DISPUTE
                    ? all.stream().filter(s -> s.category() == StatusCategory.DISPUTE).toList()
                    : all.stream().filter(s -> s.category() != StatusCategory.PROMISE_TO_PAY).toList();
            status.setId("portal-decision-status");
            status.setItems(choices);
            status.setItemLabelGenerator(s -> s.label(lang));
            status.setLabel(getTranslation(submission.kind() == SubmissionKind.DISPUTE
                    ? "portal.decision.status.dispute" : "portal.decision.status.comment"));
            if (submission.kind() == SubmissionKind.DISPUTE && !choices.isEmpty()) {
                status.setValue(choices.getFirst());
            }
            status.setClearButtonVisible(submission.kind() == SubmissionKind.COMMENT);
            status.setWidthFull();
            form.add(status);
        } else if (validate) {
            form.add(new Paragraph(getTranslation("portal.decision.promise")));
        }
        text.setId("portal-decision-text");
        text.setLabel(getTranslation(validate ? "portal.decision.answer" : "portal.decision.reason"));
        text.setMaxLength(Portal.MAX_COMMENT);
        text.setWidthFull();
        error.addClassName("portal-decision-error");
        form.add(text, error);
        add(form);
        confirm.setId("portal-decision-confirm");
        confirm.setText(getTranslation(validate ? "portal.panel.validate" : "portal.panel.reject"));
        confirm.addThemeVariants(validate ? ButtonVariant.PRIMARY : ButtonVariant.ERROR);
        confirm.addClickListener(e -> confirm());
        getFooter().add(new Button(getTranslation("portal.reply.cancel"), e -> close()), confirm);
        setWidth("min(34em, 96vw)");
    }

    Submission confirm() {
        error.setText("");
        try {
            Submission decided = (validate
                    ? submissions.validate(staff, submission.id(), new SubmissionDecision(submission.version(),
                            status.getValue() == null ? null : status.getValue().code(), text.getValue()))
                    : submissions.reject(staff, submission.id(), submission.version(), text.getValue()))
                    .block(); // allowed-blocking: Vaadin request thread
            close();
            Toasts.success(getTranslation(validate ? "portal.decision.validated" : "portal.decision.rejected"));
            onDecided.accept(decided);
            return decided;
        } catch (SubmissionDecided e) {
            close();
            Toasts.error(getTranslation("portal.decision.already", getTranslation("portal.state."
                    + e.current().state().name()), e.current().decidedBy() == null ? "" : e.current().decidedBy()));
            onDecided.accept(e.current());
        } catch (InvalidPortalRequest | InvalidQualification | StaleItems e) {
            error.setText(e.getMessage());
        } catch (RuntimeException e) {
            error.setText(Toasts.describe(e));
        }
        return null;
    }
}
