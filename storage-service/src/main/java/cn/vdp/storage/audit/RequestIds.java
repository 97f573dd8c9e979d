package cn.vdp.storage.audit;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;

/**
 * The id of the current request (the caller's X-Request-Id when harmless, else a new one; see
 * {@link RequestIdFilters}), shared by its audit events, its problem answers and its X-Request-Id response header,
 * so that an answer can be found in the trail.
 */
@RequestScoped
public class RequestIds {

    private String current;

    /** The current request's id; null outside a request (scheduled jobs). */
    public static String current() {
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return null;
        }
        // through a method: a field read on the client proxy would not reach the request's instance
        return container.instance(RequestIds.class).get().id();
    }

    String id() {
        return current;
    }

    void set(String id) {
        current = id;
    }
}
