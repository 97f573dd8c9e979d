package cn.vdp.portal.web;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.oidc.OIDCException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import cn.vdp.common.problem.Problem;
import cn.vdp.common.problem.ProblemResponses;
import cn.vdp.common.problem.ProblemTypes;

/**
 * When the identity provider cannot be reached, signing in fails before any page or API code runs. Instead of a
 * bare 500, people get a page in their language saying so, and apps a 503 problem they may retry; the public pages
 * keep working (they never need the identity provider).
 */
@ApplicationScoped
public class IdentityProviderDown {

    private static final String RETRY_SECONDS = "30";

    @Inject
    @Location("identity-provider-down.html")
    Template page;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (!causedByOidc(context.failure()) || context.response().headWritten()) {
            context.next();
            return;
        }
        String requestId = ProblemResponses.requestId(context.request().getHeader(ProblemResponses.REQUEST_ID_HEADER));
        context.response().setStatusCode(503).putHeader(HttpHeaders.RETRY_AFTER, RETRY_SECONDS)
                .putHeader(ProblemResponses.REQUEST_ID_HEADER, requestId);
        if (context.request().path().startsWith("/api/")) {
            var type = ProblemTypes.SERVICE_UNAVAILABLE;
            Problem problem = new Problem(type.uri(), type.title(), type.status(),
                    "The identity provider cannot be reached; try again", context.request().path(), requestId, List.of());
            context.response().putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(write(problem));
            return;
        }
        Cookie chosen = context.request().getCookie(Languages.COOKIE);
        List<Locale> acceptable = context.acceptableLanguages().stream().map(l -> Locale.forLanguageTag(l.tag()))
                .toList();
        Locale locale = Languages.choose(chosen == null ? null : chosen.getValue(), acceptable);
        String html = page.data("lang", Languages.htmlLang(locale)).data("requestId", requestId)
                .setLocale(locale).render();
        context.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8").end(html);
    }

    private static boolean causedByOidc(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OIDCException) {
                return true;
            }
        }
        return false;
    }

    private String write(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
