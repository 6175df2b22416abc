package eu.vetnet.community.counselling;

import eu.vetnet.community.people.PersonCard;
import eu.vetnet.community.people.Profile;
import eu.vetnet.community.reference.ReferenceData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import static eu.vetnet.community.web.Folding.fold;

/**
 * Who could counsel on a case, and why (docs/community.md, "Suggestions"). Only people who said they are available,
 * never the member asking, and only on what each person shows to members: a hidden field neither counts nor is
 * named. A peer must share the case's language (counsel needs one); then each reason adds to the score:
 *
 * <pre>
 *   same NACE division as the case  4   (else the same section  3)
 *   same NUTS region                2   (else the same country  1)
 *   each topic of the case in their expertise            2
 *   practices they published in the case's section      1 each, at most 3
 *   the shared language                                  1
 * </pre>
 *
 * Language alone suggests nobody. Best first, ties by name; at most {@link #MAX_SUGGESTED}.
 */
public final class PeerMatching {

    public static final int MAX_SUGGESTED = 5;

    /** Why a person was suggested: the kind of reason and what matched (a code, a tag), with a count where it has one. */
    public record Reason(String kind, String value, Integer count) {
    }

    public record Suggestion(PersonCard person, int score, List<Reason> reasons) {
    }

    private final BiFunction<String, String, Integer> publishedInSection;

    /** @param publishedInSection how many practices a person (id) published in a NACE section (letter) */
    public PeerMatching(BiFunction<String, String, Integer> publishedInSection) {
        this.publishedInSection = publishedInSection;
    }

    public List<Suggestion> suggest(CounsellingCase c, Collection<Profile> people) {
        List<Suggestion> out = new ArrayList<>();
        for (Profile p : people) {
            if (!p.isAvailable() || c.asks(p.id())) {
                continue;
            }
            Suggestion s = score(c, p);
            if (s != null) {
                out.add(s);
            }
        }
        out.sort(Comparator.comparingInt((Suggestion s) -> -s.score()).thenComparing(s -> s.person().displayName())
                .thenComparing(s -> s.person().id()));
        return out.size() > MAX_SUGGESTED ? List.copyOf(out.subList(0, MAX_SUGGESTED)) : out;
    }

    private Suggestion score(CounsellingCase c, Profile p) {
        if (!p.shows("languages") || !p.languages().contains(c.language())) {
            return null;
        }
        List<Reason> reasons = new ArrayList<>();
        int score = 0;
        String section = ReferenceData.sectionOf(c.sector());
        if (p.shows("sectors")) {
            if (c.sector().length() > 1 && p.sectors().contains(c.sector())) {
                score += 4;
                reasons.add(new Reason("sectorDivision", c.sector(), null));
            } else if (p.sectors().stream().anyMatch(s -> ReferenceData.sectionOf(s).equals(section))) {
                score += 3;
                reasons.add(new Reason("sector", section, null));
            }
        }
        if (p.shows("place")) {
            if (c.region() != null && c.region().equals(p.region())) {
                score += 2;
                reasons.add(new Reason("region", c.region(), null));
            } else if (c.country().equals(p.country())) {
                score += 1;
                reasons.add(new Reason("country", c.country(), null));
            }
        }
        if (p.shows("expertise")) {
            for (String topic : c.topics()) {
                String t = fold(topic);
                p.expertise().stream().filter(e -> fold(e).contains(t) || t.contains(fold(e))).findFirst().ifPresent(e -> {
                    reasons.add(new Reason("expertise", e, null));
                });
            }
            score += 2 * (int) reasons.stream().filter(r -> r.kind().equals("expertise")).count();
        }
        int published = publishedInSection.apply(p.id(), section);
        if (published > 0) {
            score += Math.min(published, 3);
            reasons.add(new Reason("practices", section, published));
        }
        if (reasons.isEmpty()) {
            return null; // a shared language alone is no reason to ask someone
        }
        score += 1;
        reasons.add(new Reason("language", c.language(), null));
        return new Suggestion(PersonCard.of(p), score, List.copyOf(reasons));
    }
}
