package cn.vdp.storage.audit;

import java.io.IOException;
import java.io.Writer;

import jakarta.ws.rs.core.Response;

/**
 * RFC 4180 rows (CRLF, fields quoted when needed, quotes doubled). A cell that a spreadsheet would run as a
 * formula (starting with = + - @, tab or CR) is prefixed with a single quote, which is not part of the value.
 */
public final class CsvWriter {

    public static final String MEDIA_TYPE = "text/csv";

    private final Writer out;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    /** An answer that browsers save as a file. */
    public static Response download(Object entity, String filename) {
        return Response.ok(entity).type(MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }

    public void row(Object... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            cell(cells[i] == null ? "" : cells[i].toString());
        }
        out.write("\r\n");
    }

    private void cell(String value) throws IOException {
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || text.indexOf('\'') == 0;
        if (!quote) {
            out.write(text);
            return;
        }
        out.write('"');
        out.write(text.replace("\"", "\"\""));
        out.write('"');
    }
}
