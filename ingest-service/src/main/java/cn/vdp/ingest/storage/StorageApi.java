package cn.vdp.ingest.storage;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

import cn.vdp.common.telemetry.BatchResult;
import cn.vdp.ingest.storage.StorageConsents.LiveConsentQuery;
import cn.vdp.ingest.storage.StorageConsents.LiveConsents;

/**
 * storage-service's API as ingest uses it, with the service's own client-credentials token (role ingest). Only
 * {@link StorageClient} calls it: that is where timeouts, the circuit breaker and the 503 answer live.
 */
@RegisterRestClient(configKey = "storage")
@RegisterProvider(StorageErrors.class)
@OidcClientFilter
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface StorageApi {

    /** The body is an already serialised {@code TelemetryBatch}: the group commit writes it once. */
    @POST
    @Path("/telemetry/batches")
    Uni<BatchResult> write(byte[] batch);

    @POST
    @Path("/consents/live")
    Uni<LiveConsents> liveConsents(LiveConsentQuery query);
}
