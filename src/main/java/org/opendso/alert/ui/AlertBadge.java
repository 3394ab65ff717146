package org.opendso.alert.ui;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.shared.Tooltip;
import java.util.List;
import org.opendso.alert.Alert;

/**
 * The open alerts of one account, as a small warning tag: their number, and their reasons in the tooltip. Hidden
 * when the account has none. Filled by whoever shows it ({@link AlertBadges}): one read per page of a list.
 */
public class AlertBadge extends Span {

    private final Span count = new Span();
    private final Tooltip tooltip;
    private final AlertTexts texts = new AlertTexts(this);
    private List<Alert> alerts = List.of();

    AlertBadge() {
        addClassNames("tag", "tag-error", "alert-badge");
        Icon icon = new Icon(VaadinIcon.WARNING);
        icon.addClassName("alert-badge-icon");
        add(icon, count);
        tooltip = Tooltip.forComponent(this);
        show(List.of());
    }

    /** Shows these open alerts of the account. */
    void show(List<Alert> open) {
        alerts = List.copyOf(open);
        setVisible(!alerts.isEmpty());
        count.setText(String.valueOf(alerts.size()));
        String label = alerts.size() == 1 ? getTranslation("alerts.badge.label.one")
                : getTranslation("alerts.badge.label", alerts.size());
        getElement().setAttribute("aria-label", label);
        tooltip.setText(alerts.isEmpty() ? null : texts.reasons(alerts));
    }

    public int count() {
        return alerts.size();
    }

    /** The tooltip's text: one line per alert. */
    public String reasons() {
        return alerts.isEmpty() ? "" : texts.reasons(alerts);
    }
}
