package org.opendso.forecast;

import java.time.LocalDate;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Per-account figures another capability keeps with the forecast (the credit risk standing): recomputed by the
 * forecast's refresh for the same marked accounts, and by its daily rebuild for all, in the same transaction and
 * under the same tenant lock. A bean implementing this is called; the forecast knows nothing of the figures.
 */
public interface AccountFigures {

    /** Recomputes the accounts (of that tenant) marked since the last refresh. */
    Mono<Void> accounts(long tenantId, List<Long> customerIds, LocalDate today);

    /** Recomputes every account of the tenant. */
    Mono<Void> all(long tenantId, LocalDate today);
}
