package eu.vetnet.learning.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.vetnet.identity.api.ApiException;
import org.junit.jupiter.api.Test;

class CreditRulesTests {

    @Test
    void theWorkloadGivesCreditsToTheNearestHalfAtTheProgrammesRate() {
        assertThat(CreditRules.fromWorkload(75, 25)).isEqualTo(3.0);
        assertThat(CreditRules.fromWorkload(75, 30)).isEqualTo(2.5);
        assertThat(CreditRules.fromWorkload(40, 25)).isEqualTo(1.5); // 1.6
        assertThat(CreditRules.fromWorkload(1500, 25)).isEqualTo(60.0);
        assertThat(CreditRules.fromWorkload(1800, 30)).isEqualTo(60.0); // a full-time year either way
        assertThat(CreditRules.fromWorkload(3, 25)).isEqualTo(0.5); // any work counts for something
        assertThat(CreditRules.fromWorkload(0, 25)).isEqualTo(0.0);
    }

    @Test
    void aDeclaredNumberIsKeptWithinHalfACreditOfTheWorkloadAndRefusedBeyond() {
        assertThat(CreditRules.settle(2.0, 60, 25, "ECTS credits")).isEqualTo(2.0); // 2.4 computed
        assertThat(CreditRules.settle(2.5, 60, 25, "ECTS credits")).isEqualTo(2.5);
        assertThat(CreditRules.settle(null, 60, 25, "ECTS credits")).isEqualTo(2.5);
        assertThatThrownBy(() -> CreditRules.settle(3.5, 60, 25, "ECTS credits")).isInstanceOf(ApiException.class).hasMessageContaining("do not fit");
        assertThatThrownBy(() -> CreditRules.settle(1.0, 60, 25, "ECVET points")).isInstanceOf(ApiException.class).hasMessageContaining("ECVET");
        assertThatThrownBy(() -> CreditRules.settle(2.25, 60, 25, "ECTS credits")).isInstanceOf(ApiException.class).hasMessageContaining("half");
        assertThatThrownBy(() -> CreditRules.settle(Double.NaN, 60, 25, "ECTS credits")).isInstanceOf(ApiException.class);
    }

    @Test
    void theRateIsTwentyFiveToThirtyHours() {
        CreditRules.checkHoursPerCredit(25);
        CreditRules.checkHoursPerCredit(30);
        assertThatThrownBy(() -> CreditRules.checkHoursPerCredit(24)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> CreditRules.checkHoursPerCredit(31)).isInstanceOf(ApiException.class);
    }
}
