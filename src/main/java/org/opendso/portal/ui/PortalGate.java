package org.opendso.portal.ui;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.opendso.portal.InvalidPortalLink;
import org.opendso.portal.PortalLinks;
import org.opendso.portal.TooManyAttempts;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the portal's page address, {@code /portal/<token>}, before Vaadin (or Spring Security) sees it: a token
 * that opens nothing gets one plain static page with a real HTTP status (404 unknown, 410 expired or revoked, 429
 * too many attempts) and nothing else: no application, no company, no hint of why. A valid one goes on to the
 * portal view, which checks the token again on every read. Every portal response says: do not cache, do not send
 * this address as a referrer (the token is in it), do not frame.
 */
@Configuration
class PortalGate {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> portalGateFilter(PortalLinks links) {
        FilterRegistrationBean<OncePerRequestFilter> bean = new FilterRegistrationBean<>(new Filter(links));
        bean.addUrlPatterns("/portal/*");
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return bean;
    }

    static final class Filter extends OncePerRequestFilter {

        private final PortalLinks links;

        Filter(PortalLinks links) {
            this.links = links;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("X-Frame-Options", "DENY");
            String path = request.getRequestURI().substring(request.getContextPath().length());
            String token = path.startsWith("/portal/") ? path.substring("/portal/".length()) : "";
            int slash = token.indexOf('/');
            if (slash >= 0 || !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
                plain(request, response, HttpServletResponse.SC_NOT_FOUND, false);
                return;
            }
            try {
                links.open(token, request.getRemoteAddr()).block(); // allowed-blocking: servlet thread
            } catch (TooManyAttempts e) {
                plain(request, response, 429, true);
                return;
            } catch (InvalidPortalLink e) {
                plain(request, response, e.gone() ? HttpServletResponse.SC_GONE : HttpServletResponse.SC_NOT_FOUND, false);
                return;
            }
            chain.doFilter(request, response);
        }

        private static void plain(HttpServletRequest request, HttpServletResponse response, int status, boolean tooMany)
                throws IOException {
            boolean fr = request.getLocale() != null && "fr".equals(request.getLocale().getLanguage());
            String title = tooMany ? (fr ? "Trop de tentatives" : "Too many attempts")
                    : (fr ? "Ce lien n’est plus valable" : "This link is no longer valid");
            String text = tooMany
                    ? (fr ? "Réessayez dans quelques minutes." : "Please try again in a few minutes.")
                    : (fr ? "Demandez un nouveau lien à votre interlocuteur." : "Please ask your contact for a new link.");
            response.setStatus(status);
            if (tooMany) {
                response.setHeader("Retry-After", "600");
            }
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
            byte[] body = ("<!doctype html><html lang=\"" + (fr ? "fr" : "en") + "\"><head><meta charset=\"utf-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width\"><title>" + title + "</title></head>"
                    + "<body style=\"font-family:sans-serif;max-width:36em;margin:4em auto;padding:0 1em\">"
                    + "<h1 id=\"portal-invalid\">" + title + "</h1><p>" + text + "</p></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }


}
