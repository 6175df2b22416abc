package eu.vetnet.community.discussions;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The usernames a post mentions (docs/community.md, "Discussions"): {@code @username} where a word starts, as
 * usernames are written (letters, digits, '.', '_', '-'; an e-mail address is no mention). At most
 * {@link #MAX_PER_POST} per post are told, in the order written, so a post cannot notify a whole community.
 */
final class Mentions {

    static final int MAX_PER_POST = 10;
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_.@/-])@([\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,62}[\\p{L}\\p{N}]|[\\p{L}\\p{N}])");

    private Mentions() {
    }

    /** The usernames mentioned in {@code text}, lower case, each once, at most {@link #MAX_PER_POST}. */
    static Set<String> in(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) {
            return out;
        }
        Matcher m = MENTION.matcher(text);
        while (m.find() && out.size() < MAX_PER_POST) {
            out.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
