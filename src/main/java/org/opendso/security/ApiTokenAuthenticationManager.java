package org.opendso.security;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/** Accepts a personal API token whose hash is stored, not revoked, and whose owner is enabled. */
final class ApiTokenAuthenticationManager implements ReactiveAuthenticationManager {

    private final StaffDirectory directory;

    ApiTokenAuthenticationManager(StaffDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        String secret = String.valueOf(authentication.getCredentials());
        return directory.findByApiToken(secret)
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("Unknown or revoked API token")))
                .map(p -> UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
    }
}
