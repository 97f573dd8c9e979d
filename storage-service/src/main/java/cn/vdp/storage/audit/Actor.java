package cn.vdp.storage.audit;

import cn.vdp.storage.security.Caller;

/**
 * Who acted: the token's subject, the role the action was done under, and the OIDC client that asked. The
 * service's own jobs (retention) act as "system".
 */
public record Actor(String subject, String role, String client) {

    public static final String SYSTEM_ROLE = "system";
    public static final String SERVICE_CLIENT = "storage-service";

    public static Actor of(Caller caller, String role) {
        return new Actor(caller.subject(), role, caller.clientId().isEmpty() ? null : caller.clientId());
    }

    /** One of the service's scheduled jobs. */
    public static Actor system(String job) {
        return new Actor(SERVICE_CLIENT + "/" + job, SYSTEM_ROLE, SERVICE_CLIENT);
    }
}
