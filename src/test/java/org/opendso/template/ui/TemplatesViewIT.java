package org.opendso.template.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.Test;
import org.opendso.security.CurrentStaff;
import org.opendso.template.Hashtag;
import org.opendso.template.Rendered;
import org.opendso.template.Template;
import org.opendso.template.Templates;
import org.opendso.ui.UiLocale;
import org.opendso.ui.ViewTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

class TemplatesViewIT extends ViewTestSupport {

    @Autowired
    Templates templates;

    @Test
    void onlyAnAdminOpensTheTemplatesSettings() {
        login("collector");
        UI.getCurrent().navigate("settings/templates");
        assertThat(getCurrentView()).isNotInstanceOf(TemplatesView.class);
    }

    @Test
    void theGridListsTheStandardTemplatesByCodeAndLanguage() {
        login("admin");
        TemplatesView view = navigate(TemplatesView.class);
        assertThat(view.rows()).extracting(t -> t.code() + "/" + t.language())
                .contains("FIRST_REMINDER/en", "FIRST_REMINDER/fr", "FORMAL_NOTICE/fr", "PRE_DUE_REMINDER/en");
        var grid = test(view.grid);
        assertThat(grid.getCellText(0, grid.getColumnPosition("code"))).isEqualTo("DISPUTE_ACKNOWLEDGEMENT");
        assertThat(grid.getCellText(0, grid.getColumnPosition("language"))).isEqualTo("EN");
    }

    @Test
    void inFrenchThePageIsFrench() {
        login("admin");
        UI.getCurrent().setLocale(UiLocale.FRENCH);
        TemplatesView view = navigate(TemplatesView.class);
        assertThat(view.getPageTitle()).isEqualTo("Modèles");
        var grid = test(view.grid);
        assertThat(grid.getCellText(0, grid.getColumnPosition("kind"))).isEqualTo("E-mail");
    }

    @Test
    void theFormattedViewAndTheHtmlViewHoldOneValueAndWhatTheBrowserSendsIsCleaned() {
        login("admin");
        TemplatesView view = navigate(TemplatesView.class);
        test(view.create).click();
        TemplateDialog dialog = $(TemplateDialog.class).single();
        // typed in the formatted view: an event handler and a script do not survive into the template
        dialog.formatted.edited("<p onclick=\"steal()\">Dear <b>#ContactName</b>,</p><script>alert(1)</script>"
                + "<ul><li style=\"color: red\">pay #OverdueAmount</li></ul>");
        assertThat(dialog.body.getValue()).isEqualTo(
                "<p>Dear <b>#ContactName</b>,</p><ul><li style=\"color: red\">pay #OverdueAmount</li></ul>");
        // changed in the HTML view: the formatted view shows it
        dialog.mode.setSelectedIndex(1);
        test(dialog.body).setValue("<p>Hello <i>#CustomerName</i></p>");
        assertThat(dialog.formatted.area.getElement().getProperty("innerHTML")).isEqualTo("<p>Hello <i>#CustomerName</i></p>");
        test(dialog.account).setValue("DEMO-001");
        assertThat(dialog.preview().body()).contains("Hello <i>Atelier Martin</i>");
    }

    @Test
    void anAdminWritesATemplateWithThePickerPreviewsItAndAnUnknownHashtagKeepsTheDialogOpen() {
        login("admin");
        TemplatesView view = navigate(TemplatesView.class);
        test(view.create).click();
        TemplateDialog dialog = $(TemplateDialog.class).single();
        // the HTML view: the formatted one is the default
        assertThat(dialog.formatted.isVisible()).isTrue();
        dialog.mode.setSelectedIndex(1);
        assertThat(dialog.body.isVisible()).isTrue();
        assertThat(dialog.formatted.isVisible()).isFalse();
        test(dialog.code).setValue("view_thanks");
        test(dialog.name).setValue("Thanks");
        test(dialog.subject).setValue("Thank you #CustomerName");
        test(dialog.body).setValue("<p>Dear #ContactName, your balance is #Balanse</p>");
        test(dialog.save).click();
        assertThat($(TemplateDialog.class).exists()).isTrue();
        assertThat(dialog.problem.getText()).contains("#Balanse", "line 1", "did you mean #Balance?");

        test(dialog.body).setValue("<p>Dear #ContactName, your balance is</p>");
        dialog.insert(Hashtag.BALANCE);
        assertThat(dialog.body.getValue()).isEqualTo("<p>Dear #ContactName, your balance is</p> #Balance");
        test(dialog.account).setValue("DEMO-001");
        Rendered preview = dialog.preview();
        assertThat(preview.subject()).isEqualTo("Thank you Atelier Martin");
        assertThat(dialog.previewSubject.getText()).isEqualTo("Thank you Atelier Martin");
        assertThat(preview.body()).doesNotContain("#").contains("€");
        assertThat(dialog.previewBody.getSrcdoc()).contains(preview.body());

        test(dialog.save).click();
        assertThat($(TemplateDialog.class).exists()).isFalse();
        assertThat(notifications()).contains("Template VIEW_THANKS (en) created");
        Template saved = templates.one(CurrentStaff.require(), "VIEW_THANKS", "en").block();
        assertThat(saved.body()).endsWith("#Balance");
        assertThat(view.rows()).extracting(Template::code).contains("VIEW_THANKS");
    }

    @Test
    void previewOfAnAccountTheAdminCannotFindSaysSo() {
        login("admin");
        TemplatesView view = navigate(TemplatesView.class);
        view.openEdit(view.rows().stream()
                .filter(t -> t.code().equals("FIRST_REMINDER") && t.language().equals("fr")).findFirst().orElseThrow());
        TemplateDialog dialog = $(TemplateDialog.class).single();
        assertThat(dialog.code.isReadOnly()).isTrue();
        test(dialog.account).setValue("NOPE-999");
        assertThat(dialog.preview()).isNull();
        assertThat(dialog.problem.getText()).contains("NOPE-999");
        test(dialog.account).setValue("DEMO-002");
        assertThat(dialog.preview().body()).contains("Sauf erreur de notre part", "<table");
    }
}
