package cn.vdp.storage.audit;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The trail's filters as query parameters, shared by browsing and export. Taken as text and parsed into 400s. */
public class AuditFilterParams {

    @QueryParam("from")
    @Parameter(description = "Occurred at or after (ISO-8601)")
    String from;

    @QueryParam("to")
    @Parameter(description = "Occurred before (ISO-8601)")
    String to;

    @QueryParam("vin")
    String vin;

    @QueryParam("actor")
    @Parameter(description = "The actor's subject")
    String actor;

    @QueryParam("action")
    @Parameter(description = "An action code, e.g. telemetry.read")
    String action;

    @QueryParam("outcome")
    @Parameter(description = "success, denied or refused")
    String outcome;

    AuditFilter parse() {
        return AuditFilter.parse(from, to, vin, actor, action, outcome);
    }
}
