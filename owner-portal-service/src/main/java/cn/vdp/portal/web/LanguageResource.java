package cn.vdp.portal.web;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import cn.vdp.common.problem.ProblemException;

/** The language switch on every page: remembers the choice in a cookie and goes back to the page. */
@Path("/")
public class LanguageResource {

    private static final int ONE_YEAR = (int) Duration.ofDays(365).toSeconds();

    @GET
    @Path("/lang/{code}")
    @Operation(hidden = true)
    public Response choose(@PathParam("code") String code, @QueryParam("next") String next) {
        Locale locale = Languages.byCode(code).orElseThrow(() -> ProblemException.notFound("No such language"));
        NewCookie cookie = new NewCookie.Builder(Languages.COOKIE).value(locale.getLanguage()).path("/")
                .maxAge(ONE_YEAR).sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(URI.create(localPath(next))).cookie(cookie).build();
    }

    /** Only a path on this portal: "//elsewhere" or "https://..." would make the switch an open redirect. */
    static String localPath(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.chars().anyMatch(c -> c < 0x21)) {
            return "/";
        }
        try {
            URI uri = URI.create(next);
            return uri.getScheme() == null && uri.getAuthority() == null ? next : "/";
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
