package eu.vetnet.identity.api;

import java.util.List;

/**
 * Rows as CSV (RFC 4180: comma-separated, CRLF, a field quoted when it holds a comma, quote or line break). A field
 * that a spreadsheet would read as a formula ({@code = + - @}, tab, CR at its start) is prefixed with an apostrophe: an
 * export of what participants typed must not run in whoever opens it. The one writer of every CSV the servers give
 * (a room's exports, an edition's report).
 */
public final class Csv {

    private Csv() {
    }

    public static String of(List<String> header, List<List<Object>> rows) {
        StringBuilder out = new StringBuilder();
        line(out, header.stream().map(h -> (Object) h).toList());
        for (List<Object> row : rows) {
            line(out, row);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<Object> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }

    public static String field(Object value) {
        if (value == null) {
            return "";
        }
        String s = String.valueOf(value);
        if (!(value instanceof Number) && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
