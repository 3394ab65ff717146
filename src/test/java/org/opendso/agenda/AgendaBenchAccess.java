package org.opendso.agenda;

import java.time.LocalDate;
import reactor.core.publisher.Mono;

/** The agenda's package-private runs, for the benchmark in org.opendso.bench (test sources only). */
public final class AgendaBenchAccess {

    private AgendaBenchAccess() {
    }

    public static Mono<Long> generateAll(Agenda agenda, LocalDate today) {
        return agenda.generateAll(today);
    }

    public static Mono<Long> generateChanged(Agenda agenda, long tenantId, LocalDate today) {
        return agenda.generateChanged(tenantId, today);
    }
}
