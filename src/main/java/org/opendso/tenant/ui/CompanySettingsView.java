package org.opendso.tenant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.Currency;
import org.opendso.penalty.Penalties;
import org.opendso.penalty.PenaltyChange;
import org.opendso.penalty.PenaltyMode;
import org.opendso.penalty.PenaltySettings;
import org.opendso.penalty.PenaltyTerms;
import org.opendso.penalty.ui.EcbRatesPanel;
import org.opendso.security.CurrentStaff;
import org.opendso.security.Staff;
import org.opendso.tenant.Companies;
import org.opendso.tenant.CompanySettings;
import org.opendso.tenant.Logo;
import org.opendso.ui.Toasts;
import org.opendso.ui.UploadTexts;

/** "My account": the company's name, address, currency, late-payment penalties, language and logo. Admins only. */
@Route("settings/company")
@Menu(title = "menu.company", order = 60, icon = "vaadin:building")
@RolesAllowed("ADMIN")
public class CompanySettingsView extends VerticalLayout implements HasDynamicTitle {

    private static final int MAX_LOGO_BYTES = 1024 * 1024;

    private final Companies companies;
    private final Penalties penalties;
    private final Staff staff;
    private CompanySettings settings;
    private PenaltySettings penaltySettings;

    final TextField name = new TextField();
    final TextArea address = new TextArea();
    final TextField postalCode = new TextField();
    final TextField city = new TextField();
    final TextField country = new TextField();
    final ComboBox<String> currency = new ComboBox<>();
    final Checkbox penaltiesEnabled = new Checkbox();
    final Select<PenaltyMode> penaltyMode = new Select<>();
    final BigDecimalField penaltyRate = new BigDecimalField();
    final BigDecimalField recoveryIndemnity = new BigDecimalField();
    final Select<String> language = new Select<>();
    final Checkbox collectorsSeeAll = new Checkbox();
    final Button save = new Button();
    final Div logoPreview = new Div();
    final EcbRatesPanel ecbRates;

    CompanySettingsView(Companies companies, Penalties penalties, org.opendso.portal.PortalLinks portalLinks) {
        this.companies = companies;
        this.penalties = penalties;
        this.staff = CurrentStaff.require();
        addClassName("settings-view");
        setMaxWidth("60em");

        name.setLabel(getTranslation("company.name"));
        name.setRequired(true);
        address.setLabel(getTranslation("company.address"));
        postalCode.setLabel(getTranslation("company.postal-code"));
        city.setLabel(getTranslation("company.city"));
        country.setLabel(getTranslation("company.country"));
        currency.setLabel(getTranslation("company.currency"));
        currency.setItems(Currency.getAvailableCurrencies().stream().map(Currency::getCurrencyCode).sorted().toList());
        currency.setItemLabelGenerator(code -> code + " – " + Currency.getInstance(code).getDisplayName(getLocale()));
        penaltyRate.setLabel(getTranslation("company.penalty-rate"));
        penaltyRate.setSuffixComponent(new Span("%"));
        penaltyRate.setHelperText(getTranslation("company.penalty-rate.hint"));
        penaltiesEnabled.setLabel(getTranslation("company.penalties-enabled"));
        penaltiesEnabled.addValueChangeListener(e -> showPenaltyFields());
        penaltyMode.setLabel(getTranslation("company.penalty-mode"));
        penaltyMode.setItems(PenaltyMode.values());
        penaltyMode.setItemLabelGenerator(m -> getTranslation("company.penalty-mode." + m.name()));
        penaltyMode.addValueChangeListener(e -> {
            if (e.isFromClient() || e.getOldValue() != null) {
                // the fixed rate field shows the statutory rate while that mode is chosen; back to the company's own
                penaltyRate.setValue(e.getValue() == PenaltyMode.FIXED ? twoDecimalsAtLeast(settings.penaltyRate())
                        : statutoryRate());
            }
            showPenaltyFields();
        });
        recoveryIndemnity.setLabel(getTranslation("company.recovery-indemnity"));
        recoveryIndemnity.setHelperText(getTranslation("company.recovery-indemnity.hint"));
        language.setLabel(getTranslation("company.language"));
        language.setItems("en", "fr");
        language.setItemLabelGenerator(l -> getTranslation("language." + l));
        collectorsSeeAll.setLabel(getTranslation("company.collectors-see-all"));

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        form.add(name, 2);
        form.add(address, 2);
        form.add(postalCode, city, country, currency, language);
        form.add(collectorsSeeAll, 2);

        FormLayout penaltyForm = new FormLayout();
        penaltyForm.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        penaltyForm.add(penaltiesEnabled, 2);
        penaltyForm.add(penaltyMode, penaltyRate, recoveryIndemnity);

        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> save());

        // a recorded ECB rate changes the statutory rate the penalty form shows
        ecbRates = new EcbRatesPanel(penalties, staff, this::penaltiesChanged);
        add(new H3(getTranslation("company.section.company")), form,
                new H3(getTranslation("company.section.penalties")), penaltyForm, save,
                new H3(getTranslation("ecb.title")), ecbRates,
                new H3(getTranslation("company.section.logo")), logoSection(),
                new H3(getTranslation("portal.settings.title")),
                new org.opendso.portal.ui.PortalSettingsPanel(portalLinks, staff));
        load();
    }

    private VerticalLayout logoSection() {
        logoPreview.addClassName("logo-preview");
        Upload upload = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            // runs in ui.access on the upload request thread
            try {
                companies.saveLogo(staff, new Logo(bytes, meta.contentType())).block(); // allowed-blocking: Vaadin request thread
                Toasts.success(getTranslation("company.logo.saved"));
                showLogo();
            } catch (RuntimeException ex) {
                Toasts.failure(ex);
            }
        }));
        upload.setAcceptedFileTypes("image/png", "image/jpeg", "image/svg+xml", "image/gif", "image/webp");
        upload.setMaxFiles(1);
        UploadTexts.apply(upload);
        upload.setMaxFileSize(MAX_LOGO_BYTES);
        upload.addFileRejectedListener(e -> Toasts.error(getTranslation("company.logo.rejected")));
        upload.setDropLabel(new Span(getTranslation("company.logo.drop")));
        upload.setUploadButton(new Button(getTranslation("company.logo.upload"), new Icon(VaadinIcon.UPLOAD)));
        HorizontalLayout row = new HorizontalLayout(logoPreview, upload);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        VerticalLayout section = new VerticalLayout(new Paragraph(getTranslation("company.logo.hint")), row);
        section.setPadding(false);
        showLogo();
        return section;
    }

    private void showLogo() {
        logoPreview.removeAll();
        Logo logo;
        try {
            logo = companies.logo(staff.tenantId()).block(); // allowed-blocking: Vaadin request thread
        } catch (RuntimeException e) {
            logo = null;
        }
        if (logo == null) {
            Span none = new Span(getTranslation("company.logo.none"));
            none.addClassName("logo-none");
            logoPreview.add(none);
            return;
        }
        byte[] bytes = logo.bytes();
        String type = logo.contentType() == null ? "image/png" : logo.contentType();
        Image image = new Image(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(bytes), "logo", type, bytes.length)), getTranslation("company.logo"));
        image.addClassName("logo-image");
        logoPreview.add(image);
    }

    private void load() {
        try {
            settings = companies.settings(staff.tenantId()).block(); // allowed-blocking: Vaadin request thread
            penaltySettings = penalties.settings(staff.tenantId()).block(); // allowed-blocking: Vaadin request thread
        } catch (RuntimeException e) {
            Toasts.failure(e);
            return;
        }
        name.setValue(nz(settings.name()));
        address.setValue(nz(settings.address()));
        postalCode.setValue(nz(settings.postalCode()));
        city.setValue(nz(settings.city()));
        country.setValue(nz(settings.country()));
        currency.setValue(settings.mainCurrency());
        PenaltyTerms terms = penaltySettings.terms();
        penaltiesEnabled.setValue(terms.enabled());
        penaltyMode.setValue(null);
        penaltyMode.setValue(terms.mode());
        penaltyRate.setValue(terms.mode() == PenaltyMode.FIXED ? twoDecimalsAtLeast(settings.penaltyRate()) : statutoryRate());
        showPenaltyFields();
        recoveryIndemnity.setValue(twoDecimalsAtLeast(settings.recoveryIndemnity()));
        language.setValue(settings.language());
        collectorsSeeAll.setValue(settings.collectorsSeeAll());
    }

    void save() {
        boolean fixed = penaltyMode.getValue() == PenaltyMode.FIXED;
        // the statutory rate shown is not the company's: its own fixed rate is kept for when it chooses one again
        CompanySettings changed = new CompanySettings(settings.tenantId(), name.getValue(), address.getValue(),
                postalCode.getValue(), city.getValue(), country.getValue(), currency.getValue(),
                fixed ? penaltyRate.getValue() : settings.penaltyRate(), recoveryIndemnity.getValue(), language.getValue(),
                collectorsSeeAll.getValue(), settings.hasLogo(), settings.version());
        // checked first, so that the company part is not saved when the penalty part would be refused
        var invalid = Penalties.invalid(changed.penaltyRate(), changed.recoveryIndemnity());
        if (invalid != null) {
            Toasts.failure(invalid);
            return;
        }
        try {
            CompanySettings saved = companies.update(staff, changed).block(); // allowed-blocking: Vaadin request thread
            penaltySettings = penalties.update(staff, new PenaltyChange(penaltiesEnabled.getValue(), penaltyMode.getValue(),
                    null, null, saved.version())).block(); // allowed-blocking: Vaadin request thread
            settings = companies.settings(staff.tenantId()).block(); // allowed-blocking: Vaadin request thread
            Toasts.success(getTranslation("company.saved"));
        } catch (RuntimeException e) {
            Toasts.failure(e);
            if (reactor.core.Exceptions.unwrap(e) instanceof org.springframework.dao.OptimisticLockingFailureException) {
                load();
            }
        }
    }

    private void penaltiesChanged() {
        try {
            penaltySettings = penalties.settings(staff.tenantId()).block(); // allowed-blocking: Vaadin request thread
        } catch (RuntimeException e) {
            Toasts.failure(e);
            return;
        }
        if (penaltyMode.getValue() != PenaltyMode.FIXED) {
            penaltyRate.setValue(statutoryRate());
        }
        showPenaltyFields();
    }

    /** The rate field is the company's own only in fixed mode; the mode only matters when penalties are charged. */
    private void showPenaltyFields() {
        boolean on = Boolean.TRUE.equals(penaltiesEnabled.getValue());
        boolean fixed = penaltyMode.getValue() == PenaltyMode.FIXED;
        penaltyMode.setEnabled(on);
        recoveryIndemnity.setEnabled(on);
        penaltyRate.setEnabled(on && fixed);
        if (penaltySettings == null) {
            return;
        }
        java.time.LocalDate today = java.time.LocalDate.now();
        var ecb = penaltySettings.terms().ecbReference(today);
        penaltyRate.setHelperText(fixed ? getTranslation("company.penalty-rate.hint")
                : getTranslation("company.penalty-rate.statutory", ecb.getValue().stripTrailingZeros().toPlainString(),
                        org.opendso.ui.Money.date(ecb.getKey(), getLocale())));
    }

    private java.math.BigDecimal statutoryRate() {
        return twoDecimalsAtLeast(penaltySettings.terms().statutoryRatePercent(java.time.LocalDate.now()));
    }

    /** 12.1500 reads as 12.15, 40.0000 as 40.00. */
    private static java.math.BigDecimal twoDecimalsAtLeast(java.math.BigDecimal value) {
        if (value == null) {
            return null;
        }
        java.math.BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 2 ? value.setScale(2, java.math.RoundingMode.HALF_UP) : stripped;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("company.title");
    }
}
