package org.opendso.status;

/** A status carried by items cannot simply disappear: its items need a replacement status. Nothing was deleted. */
public class StatusInUse extends IllegalArgumentException {

    private final String code;
    private final long items;

    public StatusInUse(String code, long items) {
        super(items + (items == 1 ? " item carries" : " items carry") + " the status " + code
                + ": choose the status they move to (replacement).");
        this.code = code;
        this.items = items;
    }

    public String code() {
        return code;
    }

    public long items() {
        return items;
    }
}
