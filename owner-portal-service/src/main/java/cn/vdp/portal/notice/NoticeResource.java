package cn.vdp.portal.notice;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.oidc.BearerTokenAuthentication;

import cn.vdp.portal.notice.NoticeApi.PrivacyNotice;
import cn.vdp.portal.web.Languages;

@Path("/api/v1")
@BearerTokenAuthentication
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy notice")
public class NoticeResource {

    @Inject
    NoticeService notice;

    @GET
    @Path("/privacy-notice")
    @PermitAll
    @Operation(summary = "What is collected, when, why, where, for how long, and how to stop and delete it",
            description = "Public. Texts in English or Simplified Chinese, chosen by Accept-Language.")
    @APIResponse(responseCode = "200", description = "The privacy notice per category")
    public PrivacyNotice notice(HttpHeaders headers) {
        return notice.inLanguage(Languages.choose(null, headers.getAcceptableLanguages()));
    }
}
