package cn.vdp.storage.audit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import cn.vdp.common.web.QueryParameters;

/** Where a page of events or checkpoints ended (the last id given out), opaque to clients. */
final class IdCursor {

    private IdCursor() {
    }

    static String encode(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("id:" + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** The id below which the next page starts; Long.MAX_VALUE without a cursor. */
    static long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Long.MAX_VALUE;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.US_ASCII);
            if (!text.startsWith("id:")) {
                throw new IllegalArgumentException("not an id cursor");
            }
            long id = Long.parseLong(text.substring(3));
            if (id < 1) {
                throw new IllegalArgumentException("ids start at 1");
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw QueryParameters.invalid("cursor", "cursor is not one this service gave out");
        }
    }
}
