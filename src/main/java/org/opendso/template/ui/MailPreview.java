package org.opendso.template.ui;

import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.opendso.template.Rendered;

/**
 * A rendered email as its reader will see it: the subject, and the HTML body in a sandboxed frame (no script, no
 * form, no navigation), so that even a body with a script cannot run in the application; above them the problem
 * that keeps it from rendering, if any.
 */
public class MailPreview extends VerticalLayout {

    public final Span problem = new Span();
    public final Span subject = new Span();
    public final IFrame body = new IFrame();

    public MailPreview() {
        setPadding(false);
        addClassName("mail-preview");
        problem.addClassName("template-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        subject.addClassName("template-preview-subject");
        subject.getStyle().set("font-weight", "600");
        body.setSandbox(IFrame.SandboxType.RESTRICT_ALL);
        body.addClassName("template-preview-body");
        body.setWidthFull();
        body.setHeight("24em");
        add(problem, subject, body);
    }

    public void show(Rendered rendered) {
        problem.setText("");
        subject.setText(rendered.subject());
        body.setSrcdoc(rendered.body());
    }

    /** Nothing to show, with the reason ({@code null}: none). */
    public void fail(String why) {
        problem.setText(why == null ? "" : why);
        subject.setText("");
        body.setSrcdoc("");
    }
}
