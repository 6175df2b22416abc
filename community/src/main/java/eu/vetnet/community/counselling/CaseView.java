package eu.vetnet.community.counselling;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A case as the API answers it, with whether the asking member is the one who asked for counsel. */
public record CaseView(@JsonUnwrapped CounsellingCase counsellingCase, boolean mine) {

    public static CaseView of(CounsellingCase c, String userId) {
        return new CaseView(c, c.asks(userId));
    }
}
