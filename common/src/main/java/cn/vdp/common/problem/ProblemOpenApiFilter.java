package cn.vdp.common.problem;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the problem answers every operation can give, so that each resource does not have to repeat them.
 * Enabled per service with {@code mp.openapi.filter=cn.vdp.common.problem.ProblemOpenApiFilter}.
 */
public class ProblemOpenApiFilter implements OASFilter {

    private static final String SCHEMA_REF = "#/components/schemas/Problem";
    private static final Map<String, String> COMMON = Map.of(
            "400", "Malformed request (bad JSON or parameters)",
            "401", "No valid credentials",
            "403", "The caller's role does not allow this",
            "500", "Unexpected failure (no detail; see the request id in the logs)");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        addProblemSchema(openAPI.getComponents());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            boolean hasPathParameter = path.getKey().contains("{");
            for (Operation operation : path.getValue().getOperations().values()) {
                if (operation.getResponses() == null) {
                    operation.setResponses(OASFactory.createAPIResponses());
                }
                APIResponses responses = operation.getResponses();
                COMMON.forEach((code, description) -> addIfMissing(responses, code, description));
                describeDeclaredErrors(responses);
                if (hasPathParameter) {
                    addIfMissing(responses, "404", "Not found, or not visible to the caller");
                }
            }
        }
    }

    private static void addIfMissing(APIResponses responses, String code, String description) {
        if (responses.hasAPIResponse(code)) {
            return;
        }
        responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description).content(problemContent()));
    }

    /** Error answers a resource declared by status and description only get the problem body too. */
    private static void describeDeclaredErrors(APIResponses responses) {
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.matches("[45]\\d\\d") && response.getContent() == null && response.getRef() == null) {
                response.setContent(problemContent());
            }
        });
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMA_REF)));
    }

    private static void addProblemSchema(Components components) {
        if (components.getSchemas() != null && components.getSchemas().containsKey("Problem")) {
            return;
        }
        Schema fieldError = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("pointer", text("JSON pointer to the offending part"))
                .addProperty("detail", text("What is wrong with it"));
        components.addSchema("Problem", OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", text("Stable identifier of the kind of problem").format("uri"))
                .addProperty("title", text("Short summary of the kind"))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER))
                .addProperty("detail", text("What went wrong with this request"))
                .addProperty("instance", text("The request path"))
                .addProperty("requestId", text("Correlation id, also in the service log"))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY).items(fieldError)));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
    }
}
