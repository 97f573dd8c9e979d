package cn.vdp.portal.storage;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import io.quarkus.oidc.client.OidcClientException;

import cn.vdp.common.problem.ProblemException;
import cn.vdp.common.problem.ProblemType;
import cn.vdp.common.problem.ProblemTypes;
import cn.vdp.common.signal.Category;
import cn.vdp.common.vin.Vin;

/**
 * What every call to storage-service goes through: path values are checked before they become part of a URL,
 * and a storage-service that cannot be reached or does not answer in time becomes a 503 the person can retry (as
 * does an identity provider that cannot give the portal its own token).
 */
public final class Storage {

    public static final ProblemType STORAGE_UNAVAILABLE = new ProblemType("storage-unavailable", 503,
            "The data service cannot be reached");

    /** What the portal holds of a download at most. */
    public static final int BUFFER = 64 * 1024;

    private Storage() {
    }

    public static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (ProcessingException e) {
            if (e.getCause() instanceof ProblemException problem) {
                throw problem;
            }
            if (e.getCause() instanceof OidcClientException) {
                throw identityProviderUnavailable();
            }
            throw new ProblemException(STORAGE_UNAVAILABLE, "Try again in a moment", List.of(),
                    Map.of(HttpHeaders.RETRY_AFTER, "5"));
        } catch (OidcClientException e) {
            // The portal's own token for storage-service could not be had.
            throw identityProviderUnavailable();
        }
    }

    /**
     * An answer that passes storage-service's body on to the browser piece by piece, as a download: at no time does
     * the portal hold more of it than one buffer, however large it is. Problems surfaced before this was called.
     */
    public static Response passThrough(InputStream body, String mediaType, String fileName) {
        StreamingOutput stream = output -> {
            try (body) {
                byte[] buffer = new byte[BUFFER];
                for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                    output.write(buffer, 0, read);
                    // Each piece goes out as it arrives, so the browser sees progress and nothing accumulates here.
                    output.flush();
                }
            }
        };
        return Response.ok(stream, mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .build();
    }

    private static ProblemException identityProviderUnavailable() {
        return new ProblemException(ProblemTypes.SERVICE_UNAVAILABLE, "The identity provider cannot be reached; try again",
                List.of(), Map.of(HttpHeaders.RETRY_AFTER, "30"));
    }

    /**
     * A VIN that is about to become part of a storage-service URL. Anything that is not a VIN is answered like a
     * vehicle the person does not own (404), and never reaches storage-service as a path.
     */
    public static String vin(String vin) {
        if (!Vin.isValid(vin)) {
            throw ProblemException.notFound("No vehicle " + Vin.masked(vin) + " among your vehicles");
        }
        return vin;
    }

    /** A category code that is about to become part of a URL; an unknown one is a 404, as storage answers. */
    public static String category(String code) {
        if (Category.fromCode(code).isEmpty()) {
            throw ProblemException.notFound("'" + code + "' is not a category that needs consent");
        }
        return code;
    }
}
