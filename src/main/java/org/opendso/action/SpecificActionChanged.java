package org.opendso.action;

import java.util.List;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The action is not open any more, its version is not the one the caller read, or its items are taken by another
 * open action: here is the current state ({@code current}; {@code others}: the ids of the actions holding items).
 */
public class SpecificActionChanged extends OptimisticLockingFailureException {

    private final transient SpecificAction current;
    private final String field;
    private final List<Long> others;

    public SpecificActionChanged(String message, SpecificAction current) {
        this(message, current, null, List.of());
    }

    public SpecificActionChanged(String message, SpecificAction current, String field, List<Long> others) {
        super(message);
        this.current = current;
        this.field = field;
        this.others = List.copyOf(others);
    }

    public SpecificAction current() {
        return current;
    }

    public String field() {
        return field;
    }

    public List<Long> others() {
        return others;
    }
}
