package cn.vdp.storage.security;

import java.util.Set;

/**
 * Who is asking: the token's subject, its realm roles and the OIDC client it was issued to. Every ownership and
 * role decision of storage-service starts from this.
 */
public record Caller(String subject, Set<String> roles, String clientId) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
