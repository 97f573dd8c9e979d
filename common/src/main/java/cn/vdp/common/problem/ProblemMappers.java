package cn.vdp.common.problem;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one exception-to-problem mapping of every service: each failure becomes an RFC 9457 answer with a stable
 * type; a 500 carries no detail (it is logged with its request id instead).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String OIDC_UNAVAILABLE = "io.quarkus.oidc.OIDCException";
    private static final Map<String, String> BEARER_CHALLENGE = Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer");

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        return respond(e.type(), e.getMessage(), e.errors(), e.headers(), uri, headers, null);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri, HttpHeaders headers) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(ProblemTypes.MALFORMED_REQUEST, "Body is not valid JSON" + where, List.of(), Map.of(), uri,
                headers, null);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        return respond(ProblemTypes.MALFORMED_REQUEST, "Body does not have the expected shape",
                List.of(new FieldError(pointer(e), e.getOriginalMessage())), Map.of(), uri, headers, null);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        String pointer = e instanceof JsonMappingException mapping ? pointer(mapping) : "";
        return respond(ProblemTypes.MALFORMED_REQUEST, "Body could not be read as JSON",
                List.of(new FieldError(pointer, e.getOriginalMessage())), Map.of(), uri, headers, null);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
        return respond(ProblemTypes.UNAUTHENTICATED, "A valid bearer token is required", List.of(), BEARER_CHALLENGE,
                uri, headers, null);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        return respond(ProblemTypes.UNAUTHENTICATED, "The bearer token is not valid", List.of(), BEARER_CHALLENGE, uri,
                headers, null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return respond(ProblemTypes.FORBIDDEN, "Your role does not allow this request", List.of(), Map.of(), uri,
                headers, null);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        ProblemType type = ProblemTypes.forStatus(status);
        String detail = status >= 500 ? null : e.getMessage();
        return respond(type, detail, List.of(), Map.of(), uri, headers, status >= 500 ? e : null);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri, HttpHeaders headers) {
        if (OIDC_UNAVAILABLE.equals(e.getClass().getName())) {
            // The token could not be checked because the identity provider cannot be reached: a passing outage,
            // not a bad request. Matched by name so that services without quarkus-oidc need not depend on it.
            return respond(ProblemTypes.SERVICE_UNAVAILABLE, "The identity provider cannot be reached; try again",
                    List.of(), Map.of(HttpHeaders.RETRY_AFTER, "5"), uri, headers, null);
        }
        return ProblemException.in(e).map(problem -> problem(problem, uri, headers))
                .orElseGet(() -> respond(ProblemTypes.INTERNAL_ERROR, null, List.of(), Map.of(), uri, headers, e));
    }

    private static Response respond(ProblemType type, String detail, List<FieldError> errors,
            Map<String, String> extraHeaders, UriInfo uri, HttpHeaders headers, Throwable cause) {
        String requestId = ProblemResponses.requestId(headers.getHeaderString(ProblemResponses.REQUEST_ID_HEADER));
        String instance = uri.getPath();
        if (cause != null) {
            LOG.errorf(cause, "request %s to %s failed", requestId, instance);
        } else {
            LOG.debugf("request %s to %s answered %d %s: %s", requestId, instance, type.status(), type.slug(), detail);
        }
        return ProblemResponses.build(type, detail, instance, requestId, errors, extraHeaders);
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            pointer.append('/');
            pointer.append(ref.getFieldName() != null ? FieldError.token(ref.getFieldName()) : ref.getIndex());
        }
        return pointer.toString();
    }
}
