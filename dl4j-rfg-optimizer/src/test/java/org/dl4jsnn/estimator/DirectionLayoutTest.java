package org.dl4jsnn.estimator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DirectionLayoutTest {

    private static final List<DirectionLayout.Group> GROUPS =
            List.of(new DirectionLayout.Group(0, 3), new DirectionLayout.Group(3, 2), new DirectionLayout.Group(5, 4));

    @Test
    void globalStacksKDirectionsOverEveryParameter() {
        DirectionLayout layout = new DirectionLayout(RfgSettings.global(1).withDirections(2), 3);
        assertThat(layout.count()).isEqualTo(2);
        assertThat(layout.groupOf(1)).isEqualTo(-1);
        double[][] v = layout.draw(GROUPS, 9, 5);
        for (double[] row : v) {
            assertThat(row).hasSize(9).containsOnly(-1.0, 1.0);
        }
        assertThat(v[0]).isNotEqualTo(v[1]);
    }

    @Test
    void layerwiseStacksKPerGroupGroupMajorEachZeroOutsideItsGroup() {
        DirectionLayout layout = new DirectionLayout(RfgSettings.layerwise(1).withDirections(2), 3);
        assertThat(layout.count()).isEqualTo(6);
        assertThat(List.of(layout.groupOf(0), layout.groupOf(1), layout.groupOf(2), layout.groupOf(5)))
                .containsExactly(0, 0, 1, 2);
        double[][] v = layout.draw(GROUPS, 10, 5);
        for (int row = 0; row < 6; row++) {
            DirectionLayout.Group g = GROUPS.get(layout.groupOf(row));
            for (int e = 0; e < 10; e++) {
                boolean inside = e >= g.offset() && e < g.offset() + g.length();
                assertThat(Math.abs(v[row][e])).as("row %d entry %d", row, e).isEqualTo(inside ? 1.0 : 0.0);
            }
        }
    }

    /** A function of (seed, iteration) alone: what makes resumed runs continue exactly. */
    @Test
    void directionsDependOnSeedAndIterationOnly() {
        DirectionLayout layout = new DirectionLayout(RfgSettings.global(7), 3);
        assertThat(layout.draw(GROUPS, 9, 12)).isDeepEqualTo(layout.draw(GROUPS, 9, 12));
        assertThat(layout.draw(GROUPS, 9, 12)[0]).isNotEqualTo(layout.draw(GROUPS, 9, 13)[0]);
        assertThat(new DirectionLayout(RfgSettings.global(8), 3).draw(GROUPS, 9, 12)[0])
                .isNotEqualTo(layout.draw(GROUPS, 9, 12)[0]);
    }

    @Test
    void rejectsInconsistentGroups() {
        DirectionLayout layout = new DirectionLayout(RfgSettings.global(1), 3);
        assertThatThrownBy(() -> layout.draw(GROUPS.subList(0, 2), 9, 0)).hasMessageContaining("3 parameter groups");
        assertThatThrownBy(() -> layout.draw(GROUPS, 8, 0)).hasMessageContaining("runs past the 8 parameters");
        assertThatThrownBy(() -> new DirectionLayout(RfgSettings.global(1), 0)).hasMessageContaining("groups must be >= 1");
        assertThatThrownBy(() -> layout.groupOf(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
