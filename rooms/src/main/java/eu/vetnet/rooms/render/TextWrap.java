package eu.vetnet.rooms.render;

import java.util.ArrayList;
import java.util.List;

/**
 * The board's word wrap, the same as the app's (frontend/src/board/textLayout.ts): greedy, by an estimated glyph
 * width of 0.55 of the font size, long words cut. Both are checked against the same cases
 * (frontend/src/board/wrap-cases.json), so a rendered board wraps where the browser does.
 */
public final class TextWrap {

    /** JavaScript's {@code \s}, exactly: Java's differs on U+0085 and U+FEFF. */
    private static final java.util.regex.Pattern WHITESPACE =
            java.util.regex.Pattern.compile("[\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF]+");

    private TextWrap() {
    }

    public static List<String> wrap(String text, double width, double fontSize) {
        int perLine = (int) Math.max(4, Math.floor(width / (fontSize * 0.55)));
        List<String> lines = new ArrayList<>();
        for (String para : text.split("\n", -1)) {
            String line = "";
            for (String word : WHITESPACE.split(para, -1)) {
                if (word.isEmpty()) {
                    continue;
                }
                if (line.isEmpty()) {
                    line = word;
                } else if (line.length() + 1 + word.length() <= perLine) {
                    line += " " + word;
                } else {
                    lines.add(line);
                    line = word;
                }
                while (line.length() > perLine) {
                    lines.add(line.substring(0, perLine));
                    line = line.substring(perLine);
                }
            }
            lines.add(line);
        }
        return lines;
    }
}
