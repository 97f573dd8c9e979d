package cn.vdp.portal.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import cn.vdp.common.export.VerificationReport;
import cn.vdp.portal.web.PageContext;

/**
 * Verify a download: public, so that whoever receives an owner's export (an insurer, a court) can check it. The
 * upload lands in a temporary file (deleted when the request ends) and is streamed to storage-service.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class VerifyPage {

    @CheckedTemplate
    static class Templates {
        /** @param noFile the form was sent without a file */
        static native TemplateInstance verify(VerificationReport result, boolean noFile);
    }

    @Inject
    ExportClient exports;

    @Inject
    PageContext page;

    @GET
    @Path("/verify")
    @Operation(hidden = true)
    public TemplateInstance form() {
        return page.render(Templates.verify(null, false));
    }

    @POST
    @Path("/verify")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public TemplateInstance verify(@RestForm("file") FileUpload file) throws IOException {
        if (file == null || file.size() == 0) {
            return page.render(Templates.verify(null, true));
        }
        try (InputStream zip = Files.newInputStream(file.uploadedFile())) {
            return page.render(Templates.verify(exports.verify(zip), false));
        }
    }
}
