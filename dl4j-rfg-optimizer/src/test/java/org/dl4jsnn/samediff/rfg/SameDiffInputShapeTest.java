package org.dl4jsnn.samediff.rfg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.HashMap;
import java.util.Map;
import org.dl4jsnn.estimator.RfgSettings;
import org.dl4jsnn.samediff.testing.DenseMlp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The SameDiff RFG entry refuses placeholders that back-propagation refuses, with the same message: both
 * run SameDiff's own shape checks on the shared primal graph. (A target wider than declared broadcasts in
 * SameDiff's squared difference and passes both paths alike.)
 */
class SameDiffInputShapeTest {

    @ParameterizedTest(name = "x width {0}, target width {1}")
    @CsvSource({"3, 1", "1, 1", "200, 1"})
    void wrongPlaceholderShapesAreRefusedLikeBackprop(int xWidth, int targetWidth) {
        Map<String, INDArray> data = new HashMap<>();
        data.put("x", Nd4j.rand(DataType.DOUBLE, 4, xWidth));
        data.put("target", Nd4j.rand(DataType.DOUBLE, 4, targetWidth));
        DenseMlp bp = DenseMlp.build(DataType.DOUBLE, 41, 2, 5, 1);
        Throwable expected = catchThrowable(() -> bp.sd().calculateGradients(data, bp.parameters()));
        assertThat(expected).as("back-propagation refuses it").isNotNull();

        DenseMlp mlp = DenseMlp.build(DataType.DOUBLE, 41, 2, 5, 1);
        SameDiffRfgTrainer trainer = SameDiffRfgTrainer.builder(mlp.sd(), DenseMlp.LOSS).rfg(RfgSettings.global(43)).build();
        INDArray before = mlp.sd().getVariable("W1").getArr().dup();
        Throwable actual = catchThrowable(() -> trainer.step(data));
        assertThat(actual).as("RFG refuses it").isNotNull();
        assertThat(actual.getMessage()).isEqualTo(expected.getMessage());
        assertThat(actual).isInstanceOf(expected.getClass());
        assertThat(mlp.sd().getVariable("W1").getArr()).isEqualTo(before);
    }
}
