package org.opendso.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** Spring Security's view of a staff member; carries the {@link Staff} so services get tenant and role. */
final class StaffPrincipal implements UserDetails, CredentialsContainer {

    private final Staff staff;
    private String passwordHash;
    private final boolean enabled;

    StaffPrincipal(Staff staff, String passwordHash, boolean enabled) {
        this.staff = staff;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    Staff staff() {
        return staff;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(staff.role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return staff.login();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StaffPrincipal other && other.staff.userId() == staff.userId();
    }

    @Override
    public int hashCode() {
        return Long.hashCode(staff.userId());
    }

    @Override
    public String toString() {
        return "StaffPrincipal[" + staff.login() + "]";
    }
}
