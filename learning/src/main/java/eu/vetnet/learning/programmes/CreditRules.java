package eu.vetnet.learning.programmes;

import eu.vetnet.identity.api.ApiException;

/**
 * How a module's workload becomes ECTS credits and ECVET points (docs/learning.md, "Credits", with the sources).
 *
 * <p>ECTS: one credit is 25 to 30 hours of a learner's work, 60 credits a full-time year (ECTS Users' Guide 2015).
 * ECVET: 60 points for the outcomes of one year of full-time formal VET (Recommendation 2009/C 155/02, Annex II). The two
 * systems define no conversion; we count a year of full-time VET as the same 1,500 to 1,800 hours, so one point and one
 * credit both stand for the programme's {@code hoursPerCredit}. Credits come in halves; a declared number is accepted
 * when it is within half a credit of the workload.
 */
public final class CreditRules {

    public static final int MIN_HOURS_PER_CREDIT = 25;
    public static final int MAX_HOURS_PER_CREDIT = 30;
    public static final int DEFAULT_HOURS_PER_CREDIT = 25;

    private CreditRules() {
    }

    /** The credits a workload is worth at {@code hoursPerCredit}, to the nearest half (at least half for any work). */
    public static double fromWorkload(int hours, int hoursPerCredit) {
        if (hours <= 0) {
            return 0;
        }
        double halves = Math.round(2.0 * hours / hoursPerCredit);
        return Math.max(0.5, halves / 2);
    }

    /**
     * The credits to record: {@code declared} when it fits the workload, else refused; the computed number when none
     * is declared. {@code unit} names it in the refusal ("ECTS credits", "ECVET points").
     */
    public static double settle(Double declared, int hours, int hoursPerCredit, String unit) {
        if (declared == null) {
            return fromWorkload(hours, hoursPerCredit);
        }
        if (declared.isNaN() || declared < 0 || declared * 2 != Math.rint(declared * 2)) {
            throw ApiException.badRequest(unit + " must be a whole or half number, not " + declared,
                    "write it as 3 or 2.5, or leave it out to have it computed from the workload");
        }
        double gap = Math.abs(declared * hoursPerCredit - hours);
        if (gap > hoursPerCredit / 2.0) {
            throw ApiException.badRequest(unit + " " + declared + " do not fit a workload of " + hours + " hours at " + hoursPerCredit
                    + " hours per credit", "declare " + fromWorkload(hours, hoursPerCredit) + ", change the workload, or leave it out");
        }
        return declared;
    }

    public static void checkHoursPerCredit(int hoursPerCredit) {
        if (hoursPerCredit < MIN_HOURS_PER_CREDIT || hoursPerCredit > MAX_HOURS_PER_CREDIT) {
            throw ApiException.badRequest("hours per credit must be between " + MIN_HOURS_PER_CREDIT + " and " + MAX_HOURS_PER_CREDIT
                    + ", not " + hoursPerCredit, "the ECTS Users' Guide sets one credit at 25 to 30 hours; 25 when in doubt");
        }
    }
}
