package org.dl4jsnn.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MethodSpecTest {

    @Test
    void everyMethodRoundTripsThroughItsLabel() {
        int count = 0;
        for (SurrogateKind s : SurrogateKind.values()) {
            for (GradientKind g : GradientKind.values()) {
                for (boolean ll : new boolean[] {false, true}) {
                    for (int k : g.isForwardGradient() ? new int[] {1, 4, 16} : new int[] {1}) {
                        if (g.needsLocalHeads() && (!ll || k != 1)) {
                            continue; // RFG-LG exists only with its heads, and K = 1 or 2 (checked below)
                        }
                        MethodSpec m = new MethodSpec(s, g, ll, k);
                        assertThat(MethodSpec.parse(m.label(), 1)).isEqualTo(m);
                        assertThat(MethodSpec.parse(m.label().toLowerCase(), 1)).isEqualTo(m);
                        count++;
                    }
                }
            }
        }
        assertThat(count).isEqualTo(2 * (2 * (1 + 3 + 3 + 3) + 1));
    }

    @Test
    void labelsAreCanonical() {
        assertThat(MethodSpec.parse("sg-rfg-l", 1).label()).isEqualTo("SG-RFG-L");
        assertThat(MethodSpec.parse(" WSG-bp-ll ", 1).label()).isEqualTo("WSG-BP-LL");
        assertThat(MethodSpec.parse("SG-RFG-G-LL", 4).label()).isEqualTo("SG-RFG-G-LLxK4");
        assertThat(MethodSpec.parse("WSG-RFG-L", 16))
                .isEqualTo(new MethodSpec(SurrogateKind.WSG, GradientKind.RFG_L, false, 16));
        assertThat(MethodSpec.parse("sg-rfg-a", 1))
                .isEqualTo(new MethodSpec(SurrogateKind.SG, GradientKind.RFG_A, false, 1));
        assertThat(MethodSpec.parse("WSG-RFG-A-LL", 2).label()).isEqualTo("WSG-RFG-A-LLxK2");
    }

    /** RFG-LG is guided by the local heads, so it implies them without "-LL", and keeps one direction. */
    @Test
    void localGuidedDirectionsImplyTheLocalHeads() {
        MethodSpec lg = MethodSpec.parse("wsg-rfg-lg", 4);
        assertThat(lg).isEqualTo(new MethodSpec(SurrogateKind.WSG, GradientKind.RFG_LG, true, 1));
        assertThat(lg.label()).isEqualTo("WSG-RFG-LG");
        assertThat(MethodSpec.parse(lg.label(), 1)).isEqualTo(lg);
        assertThatThrownBy(() -> new MethodSpec(SurrogateKind.SG, GradientKind.RFG_LG, false, 1))
                .hasMessageContaining("localLosses must be true");
        MethodSpec mixed = MethodSpec.parse("SG-RFG-LGxK2", 8);
        assertThat(mixed.directions()).isEqualTo(2);
        assertThat(mixed.label()).isEqualTo("SG-RFG-LGxK2");
        assertThat(MethodSpec.parse(mixed.label(), 1)).isEqualTo(mixed);
        assertThatThrownBy(() -> new MethodSpec(SurrogateKind.SG, GradientKind.RFG_LG, true, 4))
                .hasMessageContaining("directions must be 1 or 2");
    }

    @Test
    void directionsApplyOnlyToForwardGradients() {
        assertThat(MethodSpec.parse("SG-BP", 8).directions()).isEqualTo(1);
        assertThat(MethodSpec.parse("SG-RFG-LxK2", 8).directions()).isEqualTo(2);
        assertThatThrownBy(() -> MethodSpec.parse("SG-BPxK4", 1)).hasMessageContaining("BP");
        assertThatThrownBy(() -> new MethodSpec(SurrogateKind.SG, GradientKind.BP, false, 4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MethodSpec.parse("SG-RFG-L", 0)).hasMessageContaining(">= 1");
        assertThatThrownBy(() -> MethodSpec.parse("SG-RFG-LxK0", 1)).hasMessageContaining("K must be >= 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "BP", "SG", "SG-", "SG-XX", "SG-RFG", "SG-RFG-LL", "SG-BP-L", "XSG-BP",
            "SG-BP-LL-LL", "SG_BP", "SG-RFG-L xK4", "SG-RFG-LxK", "SG-RFG-LxK-1", "sg-bp;rm"})
    void junkIsRejectedWithTheValidForms(String label) {
        assertThatThrownBy(() -> MethodSpec.parse(label, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("valid forms")
                .hasMessageContaining("SG-RFG-L");
    }
}
