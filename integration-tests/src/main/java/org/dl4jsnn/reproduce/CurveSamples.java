package org.dl4jsnn.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A few test functions over a 1-D axis: {@code truth.get(k)[i]} and {@code prediction.get(k)[i]}
 * are sample k at {@code x[i]}. Arrays are copied in and out.
 */
public record CurveSamples(String xLabel, double[] x, List<double[]> truth, List<double[]> prediction)
        implements Artifacts {

    public CurveSamples {
        Objects.requireNonNull(xLabel, "xLabel");
        Objects.requireNonNull(x, "x");
        if (x.length < 2) {
            throw new IllegalArgumentException("x needs at least 2 points, got " + x.length);
        }
        x = x.clone();
        truth = copy(truth, "truth", x.length);
        prediction = copy(prediction, "prediction", x.length);
        if (truth.size() != prediction.size()) {
            throw new IllegalArgumentException("truth has " + truth.size() + " samples but prediction has " + prediction.size());
        }
        if (truth.isEmpty()) {
            throw new IllegalArgumentException("at least one sample is needed");
        }
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public List<double[]> truth() {
        return copy(truth, "truth", x.length);
    }

    @Override
    public List<double[]> prediction() {
        return copy(prediction, "prediction", x.length);
    }

    private static List<double[]> copy(List<double[]> samples, String name, int n) {
        Objects.requireNonNull(samples, name);
        List<double[]> out = new ArrayList<>(samples.size());
        for (int k = 0; k < samples.size(); k++) {
            double[] s = samples.get(k);
            if (s == null || s.length != n) {
                throw new IllegalArgumentException(name + " sample " + k + " must have x.length = " + n + " values");
            }
            out.add(s.clone());
        }
        return List.copyOf(out);
    }
}
