package org.dl4jsnn.estimator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DirectionLayoutTest {

    private static final List<ParameterGroup> LAYERS =
            List.of(ParameterGroup.range(0, 0, 3), ParameterGroup.range(1, 3, 2), ParameterGroup.range(2, 5, 4));

    @Test
    void globalStacksKDirectionsOverEveryParameter() {
        DirectionLayout layout = DirectionLayout.ofLayers(RfgSettings.global(1).withDirections(2), LAYERS);
        assertThat(layout.count()).isEqualTo(2);
        assertThat(layout.groupOf(1)).isEqualTo(-1);
        assertThat(layout.segmentOf(1)).isEqualTo(-1);
        double[][] v = layout.draw(9, 5);
        for (double[] row : v) {
            assertThat(row).hasSize(9).containsOnly(-1.0, 1.0);
        }
        assertThat(v[0]).isNotEqualTo(v[1]);
    }

    @Test
    void layerwiseStacksKPerGroupGroupMajorEachZeroOutsideItsGroup() {
        DirectionLayout layout = DirectionLayout.ofLayers(RfgSettings.layerwise(1).withDirections(2), LAYERS);
        assertThat(layout.count()).isEqualTo(6);
        assertThat(List.of(layout.groupOf(0), layout.groupOf(1), layout.groupOf(2), layout.groupOf(5)))
                .containsExactly(0, 0, 1, 2);
        double[][] v = layout.draw(10, 5);
        for (int row = 0; row < 6; row++) {
            ParameterGroup g = LAYERS.get(layout.groupOf(row));
            int start = g.starts()[0];
            int end = start + g.lengths()[0];
            for (int e = 0; e < 10; e++) {
                boolean inside = e >= start && e < end;
                assertThat(Math.abs(v[row][e])).as("row %d entry %d", row, e).isEqualTo(inside ? 1.0 : 0.0);
            }
        }
    }

    /** A function of (seed, iteration) alone: what makes resumed runs continue exactly. */
    @Test
    void directionsDependOnSeedAndIterationOnly() {
        DirectionLayout layout = DirectionLayout.ofLayers(RfgSettings.global(7), LAYERS);
        assertThat(layout.draw(9, 12)).isDeepEqualTo(layout.draw(9, 12));
        assertThat(layout.draw(9, 12)[0]).isNotEqualTo(layout.draw(9, 13)[0]);
        assertThat(DirectionLayout.ofLayers(RfgSettings.global(8), LAYERS).draw(9, 12)[0])
                .isNotEqualTo(layout.draw(9, 12)[0]);
    }

    @Test
    void rejectsInconsistentGroups() {
        DirectionLayout layout = DirectionLayout.ofLayers(RfgSettings.global(1), LAYERS);
        assertThatThrownBy(() -> layout.draw(8, 0)).hasMessageContaining("runs past the 8 parameters");
        assertThatThrownBy(() -> new DirectionLayout(RfgSettings.global(1), LAYERS))
                .hasMessageContaining("one group spanning every parameter");
        assertThatThrownBy(() -> new DirectionLayout(RfgSettings.layerwise(1), List.of()))
                .hasMessageContaining("at least one parameter group");
        assertThatThrownBy(() -> layout.groupOf(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
