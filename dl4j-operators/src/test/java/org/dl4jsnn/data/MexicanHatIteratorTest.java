package org.dl4jsnn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

class MexicanHatIteratorTest {

    /** Sample s has input (s, -s) and target s / 10, so a batch row identifies its sample. */
    private static PointSamples indexed(int n) {
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int s = 0; s < n; s++) {
            x[s] = new double[] {s, -s};
            y[s] = s / 10.0;
        }
        return new PointSamples(x, y);
    }

    private static List<Integer> epoch(MexicanHatIterator it) {
        List<Integer> order = new ArrayList<>();
        while (it.hasNext()) {
            DataSet ds = it.next();
            INDArray f = ds.getFeatures();
            for (int b = 0; b < f.rows(); b++) {
                order.add((int) Math.round(f.getDouble(b, 0)));
            }
        }
        return order;
    }

    @Test
    void shapesAndLabelsOfEveryBatch() {
        MexicanHat hat = MexicanHat.generate(MexicanHat.Config.defaults().withSizes(105, 3));
        MexicanHatIterator it = new MexicanHatIterator(hat.train(), 20, 5L);
        assertThat(it.inputColumns()).isEqualTo(2);
        assertThat(it.totalOutcomes()).isEqualTo(1);
        int batches = 0;
        while (it.hasNext()) {
            DataSet ds = it.next();
            int expectedRows = batches < 5 ? 20 : 5;
            assertThat(ds.getFeatures().shape()).containsExactly(expectedRows, 2);
            assertThat(ds.getLabels().shape()).containsExactly(expectedRows, 1);
            assertThat(ds.getFeatures().dataType()).isEqualTo(DataType.FLOAT);
            for (int b = 0; b < expectedRows; b++) {
                // float32 arrays: labels equal f(features) to float precision.
                double expected = MexicanHat.value(ds.getFeatures().getDouble(b, 0), ds.getFeatures().getDouble(b, 1));
                assertThat(ds.getLabels().getDouble(b, 0)).isCloseTo(expected, Offset.offset(1e-6));
            }
            batches++;
        }
        assertThat(batches).isEqualTo(6);
        assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class).hasMessageContaining("reset");
    }

    @Test
    void eachEpochVisitsEverySampleOnceAndShufflingIsSeeded() {
        PointSamples samples = indexed(50);
        MexicanHatIterator a = new MexicanHatIterator(samples, 7, 11L);
        MexicanHatIterator b = new MexicanHatIterator(samples, 7, 11L);
        MexicanHatIterator c = new MexicanHatIterator(samples, 7, 12L);
        List<Integer> a0 = epoch(a);
        assertThat(new HashSet<>(a0)).hasSize(50);
        assertThat(a0).hasSize(50);
        assertThat(epoch(b)).isEqualTo(a0);
        assertThat(epoch(c)).isNotEqualTo(a0);
        a.reset();
        b.reset();
        List<Integer> a1 = epoch(a);
        assertThat(new HashSet<>(a1)).isEqualTo(Set.copyOf(a0));
        assertThat(a1).as("a new order each epoch").isNotEqualTo(a0);
        assertThat(epoch(b)).isEqualTo(a1);
        assertThat(a.epoch()).isEqualTo(1);
    }

    @Test
    void unshuffledIsInStorageOrderAndDoubleTypeIsHonoured() {
        MexicanHatIterator it = new MexicanHatIterator(indexed(10), 4, false, 0L, DataType.DOUBLE);
        DataSet first = it.next();
        assertThat(first.getFeatures().dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(first.getLabels().toDoubleVector()).containsExactly(0.0, 0.1, 0.2, 0.3);
        assertThat(it.next(100).getFeatures().rows()).isEqualTo(6);
        it.reset();
        assertThat(epoch(it)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> new MexicanHatIterator(indexed(3), 0, 1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("batchSize must be > 0, got 0");
        assertThatThrownBy(() -> new MexicanHatIterator(indexed(3), 2, true, 1L, DataType.INT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dataType must be a floating-point");
        assertThatThrownBy(() -> new PointSamples(new double[][] {{0, 1}, {2, Double.NaN}}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inputs must contain only finite values, got NaN at index [1][1]");
        assertThatThrownBy(() -> new PointSamples(new double[][] {{0, 1}}, new double[] {Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("targets must contain only finite");
        assertThatThrownBy(() -> new PointSamples(new double[][] {{0, 1}, {2}}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inputs rows must have length 2");
        assertThatThrownBy(() -> new PointSamples(new double[][] {{0, 1}}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("targets.length");
    }
}
