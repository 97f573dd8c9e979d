package cn.vdp.portal.notice;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import cn.vdp.portal.notice.NoticeService.Section;
import cn.vdp.portal.web.PageContext;

/** What is collected: the privacy notice, public, so that anyone can read it before buying or signing in. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class NoticePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notice(List<Section> sections, String contact);
    }

    @Inject
    NoticeService notice;

    @Inject
    PageContext page;

    @GET
    @Path("/privacy")
    @Operation(hidden = true)
    public TemplateInstance notice() {
        return page.render(Templates.notice(notice.sections(), notice.contact()));
    }
}
