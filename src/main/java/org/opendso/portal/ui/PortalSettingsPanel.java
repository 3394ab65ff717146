package org.opendso.portal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import org.opendso.portal.PortalLinks;
import org.opendso.security.Staff;
import org.opendso.ui.Toasts;

/** The company setting of the portal, for the company settings page: how many days a new link is valid. */
public class PortalSettingsPanel extends HorizontalLayout {

    final IntegerField days = new IntegerField();
    final Button save = new Button();

    private final PortalLinks links;
    private final Staff admin;

    public PortalSettingsPanel(PortalLinks links, Staff admin) {
        this.links = links;
        this.admin = admin;
        addClassName("portal-settings");
        setAlignItems(FlexComponent.Alignment.BASELINE);
        days.setId("portal-link-days");
        days.setLabel(getTranslation("portal.settings.days"));
        days.setHelperText(getTranslation("portal.settings.days.help"));
        days.setMin(1);
        days.setMax(PortalLinks.MAX_DAYS);
        days.setStepButtonsVisible(true);
        days.setValue(links.linkDays(admin.tenantId()).block()); // allowed-blocking: Vaadin request thread
        save.setId("portal-link-days-save");
        save.setText(getTranslation("action.save"));
        save.addClickListener(e -> save());
        add(days, save);
    }

    void save() {
        try {
            days.setValue(links.changeLinkDays(admin, days.getValue() == null ? 0 : days.getValue())
                    .block()); // allowed-blocking: Vaadin request thread
            Toasts.success(getTranslation("portal.settings.saved"));
        } catch (RuntimeException e) {
            Toasts.failure(e);
        }
    }
}
