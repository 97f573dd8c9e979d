package cn.vdp.storage.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/** The {@link Caller} of the current request, read from the verified bearer token. */
@RequestScoped
public class CurrentCaller {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public Caller get() {
        if (identity.isAnonymous() || token.getSubject() == null) {
            throw new UnauthorizedException();
        }
        String client = token.getClaim("azp");
        return new Caller(token.getSubject(), identity.getRoles(), client == null ? "" : client);
    }

    public String subject() {
        return get().subject();
    }
}
