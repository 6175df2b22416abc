package eu.vetnet.community.library;

import java.time.Instant;
import java.util.List;

/**
 * A best practice of the library, as stored (one JSON row per practice, each saved version beside it).
 *
 * @param id           stable identity, a UUID
 * @param slug         the public page's name ({@code /practices/{slug}}): fixed at creation, so links stay valid
 * @param version      1 at creation, one more with each saved edit
 * @param status       a draft is seen by its authors; published is seen by everyone, signed in or not
 * @param content      what the authors wrote and how it is classified
 * @param licence      the Creative Commons licence its authors chose when publishing (null while a draft)
 * @param authors      who may edit it: the creator first
 * @param endorsements how many members endorse it
 * @param demo         part of the demo library of the embedded run (docs/community.md, "Demo data")
 */
public record Practice(String id, String slug, int version, Status status, PracticeContent content, String licence,
        List<Author> authors, int endorsements, Instant createdAt, Instant updatedAt, Instant publishedAt, Boolean demo) {

    public enum Status { DRAFT, PUBLISHED }

    /** An author, by the token's subject, with the display name they had when they became one. */
    public record Author(String id, String name) {
    }

    public Practice {
        authors = List.copyOf(authors);
        demo = Boolean.TRUE.equals(demo);
    }

    public boolean published() {
        return status == Status.PUBLISHED;
    }

    public boolean isDemo() {
        return Boolean.TRUE.equals(demo);
    }

    public boolean hasAuthor(String userId) {
        return authors.stream().anyMatch(a -> a.id().equals(userId));
    }

    public Practice withContent(PracticeContent next, Instant at) {
        return new Practice(id, slug, version + 1, status, next, licence, authors, endorsements, createdAt, at, publishedAt, demo);
    }

    public Practice publishedUnder(String chosenLicence, Instant at) {
        return new Practice(id, slug, version, Status.PUBLISHED, content, chosenLicence, authors, endorsements, createdAt, at,
                publishedAt == null ? at : publishedAt, demo);
    }

    /** The same practice with {@code personId} credited as {@code in} instead (an account deleted: its pseudonym). */
    public Practice withAuthorReplaced(String personId, Author in) {
        List<Author> next = authors.stream().map(a -> a.id().equals(personId) ? in : a).toList();
        return new Practice(id, slug, version, status, content, licence, next, endorsements, createdAt, updatedAt, publishedAt, demo);
    }

    public Practice withEndorsements(int count) {
        return new Practice(id, slug, version, status, content, licence, authors, count, createdAt, updatedAt, publishedAt, demo);
    }
}
