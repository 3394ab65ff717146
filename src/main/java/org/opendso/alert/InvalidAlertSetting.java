package org.opendso.alert;

/** A rule setting that cannot be saved; names the field (rule, enabled, days) and the rule. */
public class InvalidAlertSetting extends IllegalArgumentException {

    private final String field;
    private final String rule;

    public InvalidAlertSetting(String field, String rule, String message) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
