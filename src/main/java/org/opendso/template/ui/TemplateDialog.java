package org.opendso.template.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.opendso.security.Staff;
import org.opendso.template.Hashtag;
import org.opendso.template.HashtagProblem;
import org.opendso.template.Rendered;
import org.opendso.template.Template;
import org.opendso.template.TemplateDraft;
import org.opendso.template.TemplateKind;
import org.opendso.template.Templates;
import org.opendso.ui.Toasts;

/**
 * Creates or changes a template: subject, HTML body, a hashtag picker and a live preview for a chosen customer.
 * The body is edited formatted ({@link FormattedText}: Vaadin's RichTextEditor needs a commercial licence) or as
 * HTML in a text area, for the tables and styles a mail client shows; both views hold one value. The preview shows the rendered body in a sandboxed frame (no script, no form, no navigation), so even a
 * body with a script cannot run in the application. The dialog stays open on a mistake, which names the hashtag and
 * its position.
 */
class TemplateDialog extends Dialog {

    final TextField code = new TextField();
    final ComboBox<String> language = new ComboBox<>();
    final ComboBox<TemplateKind> kind = new ComboBox<>();
    final TextField name = new TextField();
    final TextField subject = new TextField();
    final TextArea body = new TextArea();
    final HashtagPicker hashtag = new HashtagPicker(body, this::preview);
    final FormattedText formatted = new FormattedText(body);
    final Tabs mode = new Tabs();
    final TextField account = new TextField();
    final MailPreview mailPreview = new MailPreview();
    final Span problem = mailPreview.problem;
    final Span previewSubject = mailPreview.subject;
    final IFrame previewBody = mailPreview.body;
    final Button save = new Button();

    private final Templates templates;
    private final Staff staff;
    private final Template editing;
    private final Consumer<Template> onSaved;

    /** @param editing the template to change, or null for a new one */
    TemplateDialog(Templates templates, Staff staff, Template editing, Consumer<Template> onSaved) {
        this.templates = templates;
        this.staff = staff;
        this.editing = editing;
        this.onSaved = onSaved;
        setHeaderTitle(editing == null ? getTranslation("templates.new")
                : getTranslation("templates.edit.title", editing.code(), editing.language()));
        addClassName("template-dialog");
        setWidth("min(80em, 96vw)");

        code.setLabel(getTranslation("templates.code"));
        code.setRequired(true);
        code.setMaxLength(40);
        language.setLabel(getTranslation("templates.language"));
        language.setItems("en", "fr");
        language.setItemLabelGenerator(l -> getTranslation("templates.language." + l));
        kind.setLabel(getTranslation("templates.kind"));
        kind.setItems(TemplateKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("templates.kind." + k.name()));
        name.setLabel(getTranslation("templates.name"));
        name.setRequired(true);
        name.setMaxLength(80);
        subject.setLabel(getTranslation("templates.subject"));
        subject.setWidthFull();
        body.setLabel(getTranslation("templates.body"));
        body.setHelperText(getTranslation("templates.body.hint"));
        body.setWidthFull();
        body.setMinHeight("18em");
        if (editing != null) {
            code.setValue(editing.code());
            code.setReadOnly(true);
            language.setValue(editing.language());
            language.setReadOnly(true);
            kind.setValue(editing.kind());
            name.setValue(editing.name());
            subject.setValue(editing.subject());
            body.setValue(editing.body());
        } else {
            language.setValue(staff.locale() == null ? "en" : staff.locale());
            kind.setValue(TemplateKind.EMAIL);
        }

        FormLayout form = new FormLayout(code, language, kind, name);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 2), new FormLayout.ResponsiveStep("40em", 4));
        // the body in two views of one value: formatted (the default) and its HTML
        Tab formattedTab = new Tab(getTranslation("templates.view.formatted"));
        Tab htmlTab = new Tab(getTranslation("templates.view.html"));
        mode.add(formattedTab, htmlTab);
        mode.addSelectedChangeListener(e -> {
            formatted.setVisible(e.getSelectedTab() == formattedTab);
            body.setVisible(e.getSelectedTab() == htmlTab);
        });
        body.setVisible(false);
        hashtag.alsoInto(formatted);
        VerticalLayout editor = new VerticalLayout(form, subject, hashtag, mode, formatted, body);
        editor.setPadding(false);

        account.setLabel(getTranslation("templates.preview.account"));
        account.setValueChangeMode(ValueChangeMode.LAZY);
        account.addValueChangeListener(e -> preview());
        subject.setValueChangeMode(ValueChangeMode.LAZY);
        subject.addValueChangeListener(e -> preview());
        body.setValueChangeMode(ValueChangeMode.LAZY);
        body.addValueChangeListener(e -> preview());
        VerticalLayout preview = new VerticalLayout(new H4(getTranslation("templates.preview.title")), account,
                mailPreview);
        preview.setPadding(false);

        HorizontalLayout columns = new HorizontalLayout(editor, preview);
        columns.setWidthFull();
        columns.setAlignItems(FlexComponent.Alignment.START);
        editor.setWidth("50%");
        preview.setWidth("50%");
        add(new Paragraph(getTranslation("templates.dialog.hint")), columns);

        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> save());
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    /** Adds the hashtag to the body where its cursor was (see {@link HashtagPicker}). */
    void insert(Hashtag h) {
        hashtag.insert(h);
    }

    /** Renders the subject and body for the chosen account; an empty account shows no preview. */
    Rendered preview() {
        String chosen = account.getValue().strip();
        problem.setText("");
        if (chosen.isEmpty()) {
            try {
                Templates.check(subject.getValue(), body.getValue());
            } catch (HashtagProblem p) {
                problem.setText(p.getMessage());
            }
            previewSubject.setText("");
            previewBody.setSrcdoc("");
            return null;
        }
        try {
            Rendered r = templates.render(staff, chosen, subject.getValue(), body.getValue(), language.getValue(),
                    LocalDate.now()).block(); // allowed-blocking: Vaadin request thread
            previewSubject.setText(r.subject());
            previewBody.setSrcdoc(r.body());
            return r;
        } catch (RuntimeException e) {
            problem.setText(Toasts.describe(e));
            previewSubject.setText("");
            previewBody.setSrcdoc("");
            return null;
        }
    }

    /** Saves; closes on success, stays open and says why on a mistake. */
    boolean save() {
        TemplateDraft draft = new TemplateDraft(code.getValue(), language.getValue(), kind.getValue(), name.getValue(),
                subject.getValue(), body.getValue());
        try {
            Template saved = (editing == null ? templates.create(staff, draft)
                    : templates.update(staff, editing.code(), editing.language(), draft, editing.version()))
                    .block(); // allowed-blocking: Vaadin request thread
            close();
            onSaved.accept(saved);
            return true;
        } catch (RuntimeException e) {
            String text = Toasts.failure(e);
            problem.setText(text);
            return false;
        }
    }

    List<Hashtag> hashtags() {
        return Hashtag.all();
    }
}
