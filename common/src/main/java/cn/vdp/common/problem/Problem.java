package cn.vdp.common.problem;

import java.net.URI;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of every error answer: RFC 9457 problem details, with the field errors as an extension. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "Stable identifier of the kind of problem", example = "urn:vdp-cn:problem:validation-failed") URI type,
        String title,
        int status,
        String detail,
        @Schema(description = "The request path that failed") String instance,
        @Schema(description = "Correlation id, also written to the service log") String requestId,
        @Schema(description = "Each offending part of the request") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
