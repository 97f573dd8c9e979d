package cn.vdp.portal.web;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

import cn.vdp.common.problem.ProblemException;
import cn.vdp.common.problem.ProblemMappers;
import cn.vdp.common.problem.ProblemResponses;
import cn.vdp.common.problem.ProblemType;
import cn.vdp.common.problem.ProblemTypes;

/**
 * Errors on pages become pages, in the reader's language; errors of the JSON API stay problem+json, answered by the
 * platform's common {@link ProblemMappers}. These mappers take precedence over the common ones for the same
 * exception types and hand API requests back to them.
 */
public class PageErrors {

    private static final Logger LOG = Logger.getLogger(PageErrors.class);
    private static final int BEFORE_COMMON = Priorities.USER - 100;
    private static final String API = "/api/";

    /** What the error page shows. */
    public record ErrorView(int status, String detail, String requestId) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(ErrorView error);
    }

    private final ProblemMappers api = new ProblemMappers();

    @Inject
    PageContext page;

    @ServerExceptionMapper(priority = BEFORE_COMMON)
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        if (isApi(uri)) {
            return api.problem(e, uri, headers);
        }
        boolean showDetail = e.type().status() == 400 || e.type().status() == 422;
        return page(e.type(), showDetail ? e.getMessage() : null, e.headers(), headers, null);
    }

    @ServerExceptionMapper(priority = BEFORE_COMMON)
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return isApi(uri) ? api.forbidden(e, uri, headers) : page(ProblemTypes.FORBIDDEN, null, Map.of(), headers, null);
    }

    @ServerExceptionMapper(priority = BEFORE_COMMON)
    public Response unauthenticated(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
        return isApi(uri) ? api.unauthenticated(e, uri, headers)
                : page(ProblemTypes.UNAUTHENTICATED, null, Map.of(), headers, null);
    }

    @ServerExceptionMapper(priority = BEFORE_COMMON)
    public Response http(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        if (isApi(uri)) {
            return api.http(e, uri, headers);
        }
        int status = e.getResponse().getStatus();
        return page(ProblemTypes.forStatus(status), null, Map.of(), headers, status >= 500 ? e : null);
    }

    @ServerExceptionMapper(priority = BEFORE_COMMON)
    public Response unexpected(Exception e, UriInfo uri, HttpHeaders headers) {
        return isApi(uri) ? api.unexpected(e, uri, headers)
                : page(ProblemTypes.INTERNAL_ERROR, null, Map.of(), headers, e);
    }

    private Response page(ProblemType type, String detail, Map<String, String> extraHeaders, HttpHeaders headers,
            Throwable cause) {
        String requestId = ProblemResponses.requestId(headers.getHeaderString(ProblemResponses.REQUEST_ID_HEADER));
        if (cause != null) {
            LOG.errorf(cause, "page request %s failed", requestId);
        }
        String html = page.render(Templates.error(new ErrorView(type.status(), detail, requestId))).render();
        Response.ResponseBuilder response = Response.status(type.status())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(ProblemResponses.REQUEST_ID_HEADER, requestId)
                .entity(html);
        extraHeaders.forEach(response::header);
        return response.build();
    }

    private static boolean isApi(UriInfo uri) {
        return uri.getPath().startsWith(API);
    }
}
