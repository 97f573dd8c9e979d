package cn.vdp.storage.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the audited action of a resource method, so that a request refused before the feature ran (403 for the
 * role, 404 for a vehicle that is not the caller's) is recorded under the same action as a successful one. The
 * feature itself records its successes through {@link AuditTrail}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Audited {
    AuditAction value();
}
