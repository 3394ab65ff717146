package org.opendso.report;

/** Which customers the credit risk list shows: all, over their limit, worsening, or either of the two. */
public enum CreditRiskList {
    ALL, OVER_LIMIT, WORSENING, ATTENTION;

    String condition() {
        return switch (this) {
            case ALL -> "true";
            case OVER_LIMIT -> "over_limit";
            case WORSENING -> "worsening";
            case ATTENTION -> "(over_limit or worsening)";
        };
    }
}
