package org.opendso.status;

/** No status with this code in the caller's tenant (another tenant's statuses do not exist for them). */
public class UnknownStatus extends IllegalArgumentException {

    private final String code;

    public UnknownStatus(String code) {
        super("No status '" + code + "'");
        this.code = code;
    }

    public String code() {
        return code;
    }
}
