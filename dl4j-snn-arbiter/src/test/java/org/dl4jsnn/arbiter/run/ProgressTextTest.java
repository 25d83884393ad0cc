package org.dl4jsnn.arbiter.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTextTest {

    @Test
    void durationsReadShortAtEachScale() {
        assertThat(ProgressText.duration(45_000)).isEqualTo("45s");
        assertThat(ProgressText.duration(185_000)).isEqualTo("3m05s");
        assertThat(ProgressText.duration(127 * 60_000)).isEqualTo("2h07m");
        assertThat(ProgressText.duration(-5)).isEqualTo("0s");
    }

    @Test
    void numbersKeepFourSignificantDigitsWithoutTrailingZeros() {
        assertThat(ProgressText.number(0.0031622)).isEqualTo("0.003162");
        assertThat(ProgressText.number(2.5)).isEqualTo("2.5");
        assertThat(ProgressText.number(16)).isEqualTo("16");
        assertThat(ProgressText.number(1.5e-7)).isEqualTo("1.500e-07");
    }

    @Test
    void describePutsTheMethodFirstAndTheRestAsKeyValue() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("method", "RFG-L");
        settings.put("lr", 0.0031622);
        settings.put("T", 16);
        assertThat(ProgressText.describe(settings)).isEqualTo("RFG-L lr=0.003162 T=16");
    }
}
