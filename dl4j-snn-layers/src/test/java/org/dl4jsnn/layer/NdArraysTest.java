package org.dl4jsnn.layer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The bulk copies must agree with ND4J's own element access for every layout they meet. */
class NdArraysTest {

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE", "HALF"})
    void readsEveryLayoutInRowMajorOrder(DataType type) {
        INDArray base = Nd4j.linspace(1, 60, 60, DataType.DOUBLE).reshape(3, 4, 5).castTo(type);
        INDArray[] layouts = {base, base.dup('f'), base.get(NDArrayIndex.point(1)),
            base.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 3), NDArrayIndex.all()),
            base.permute(2, 0, 1)};
        for (INDArray a : layouts) {
            double[] got = NdArrays.toDoubles(a);
            INDArray expected = a.dup('c');
            for (int e = 0; e < got.length; e++) {
                assertThat(got[e]).isEqualTo(expected.getDouble(e));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void writesFreshWorkspaceAndViewTargets(DataType type) {
        double[] values = new double[24];
        for (int e = 0; e < values.length; e++) {
            values[e] = e * 0.5 - 3;
        }
        INDArray expected = Nd4j.create(values, new long[] {2, 3, 4}, 'c');
        check(NdArrays.fill(Nd4j.createUninitialized(type, 2, 3, 4), values), expected);
        check(NdArrays.fill(Nd4j.createUninitialized(type, new long[] {2, 3, 4}, 'f'), values), expected);
        INDArray big = Nd4j.zeros(type, 4, 3, 4);
        INDArray view = big.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all(), NDArrayIndex.all());
        check(NdArrays.fill(view, values), expected);
        assertThat(big.get(NDArrayIndex.point(0)).sumNumber().doubleValue()).isZero();
        WorkspaceConfiguration conf = WorkspaceConfiguration.builder().initialSize(1 << 20).build();
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(conf, "NdArraysTest")) {
            Nd4j.createUninitialized(type, 7); // so the next array does not start the workspace
            INDArray inWs = Nd4j.createUninitialized(type, 2, 3, 4);
            check(NdArrays.fill(inWs, values), expected);
            assertThat(NdArrays.toDoubles(inWs)).containsExactly(values);
        }
    }

    private static void check(INDArray got, INDArray expected) {
        assertThat(got.castTo(DataType.DOUBLE).equalsWithEps(expected, 1e-6)).as(got.toString()).isTrue();
    }
}
