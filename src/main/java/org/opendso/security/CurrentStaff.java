package org.opendso.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Mono;

/** The staff member behind the current request: a Vaadin request (servlet) or an API call (reactive). */
public final class CurrentStaff {

    private CurrentStaff() {
    }

    /** In a Vaadin request thread. */
    public static Optional<Staff> get() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Staff require() {
        return get().orElseThrow(() -> new IllegalStateException("no staff member logged in"));
    }

    /** In a WebFlux handler. */
    public static Mono<Staff> reactive() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .flatMap(auth -> Mono.justOrEmpty(from(auth)));
    }

    static Optional<Staff> from(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal) {
            return Optional.of(principal.staff());
        }
        return Optional.empty();
    }
}
