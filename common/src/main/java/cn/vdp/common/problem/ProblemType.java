package cn.vdp.common.problem;

import java.net.URI;

/**
 * A kind of error with a stable type URI (RFC 9457). The URI is a URN on purpose: it names the kind and is
 * never fetched, so no client is sent to a host outside the deployment.
 */
public record ProblemType(String slug, int status, String title) {

    private static final String PREFIX = "urn:vdp-cn:problem:";

    public URI uri() {
        return URI.create(PREFIX + slug);
    }
}
