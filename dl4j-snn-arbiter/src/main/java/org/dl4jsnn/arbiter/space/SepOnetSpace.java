package org.dl4jsnn.arbiter.space;

import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;
import org.dl4jsnn.arbiter.candidate.SepOnetCandidate;
import org.dl4jsnn.operator.SpikingSepOnet;

/**
 * Spiking SepONets built through {@link SpikingSepOnet} and their training methods: T, surrogate kind, width
 * s and WSG samples N, hidden width and rank r are searchable; sensors and the output grid are the data's.
 */
public class SepOnetSpace extends CompositeSpace<SepOnetCandidate> {

    private int sensors;
    private int nx;
    private int nt;
    private ParameterSpace<Integer> hiddenWidth;
    private ParameterSpace<Integer> rank;
    private ParameterSpace<Integer> timeSteps;
    private ParameterSpace<SurrogateKind> surrogate;
    private ParameterSpace<Double> surrogateWidth;
    private ParameterSpace<Integer> wsgSamples;
    private TrainingMethodSpace method;

    /** For JSON. */
    protected SepOnetSpace() {
    }

    /** Defaults are the paper's diffusion-reaction SepONet: hidden 16, r = 16, T = 32, SG with s = 0.5. */
    public SepOnetSpace(int sensors, int nx, int nt, ParameterSpace<Integer> hiddenWidth, ParameterSpace<Integer> rank,
                        ParameterSpace<Integer> timeSteps, ParameterSpace<SurrogateKind> surrogate,
                        ParameterSpace<Double> surrogateWidth, ParameterSpace<Integer> wsgSamples,
                        TrainingMethodSpace method) {
        if (sensors < 1 || nx < 1 || nt < 1) {
            throw new IllegalArgumentException("sensors, nx and nt must be >= 1, got " + sensors + ", " + nx + ", " + nt);
        }
        this.sensors = sensors;
        this.nx = nx;
        this.nt = nt;
        this.hiddenWidth = Spaces.required("hiddenWidth", hiddenWidth);
        this.rank = Spaces.required("rank", rank);
        this.timeSteps = Spaces.required("timeSteps", timeSteps);
        this.surrogate = Spaces.required("surrogate", surrogate);
        this.surrogateWidth = Spaces.required("surrogateWidth", surrogateWidth);
        this.wsgSamples = Spaces.required("wsgSamples", wsgSamples);
        this.method = Spaces.required("method", method);
    }

    @Override
    public SepOnetCandidate getValue(double[] values) {
        return new SepOnetCandidate(sensors, nx, nt, hiddenWidth.getValue(values), rank.getValue(values),
                timeSteps.getValue(values),
                surrogate.getValue(values).create(surrogateWidth.getValue(values), wsgSamples.getValue(values)),
                method.getValue(values));
    }

    public TrainingMethodSpace getMethod() {
        return method;
    }

    @Override
    public String toString() {
        return "SepOnetSpace(m=" + sensors + ", grid " + nx + " x " + nt + ", hidden=" + hiddenWidth + ", r=" + rank
                + ", T=" + timeSteps + ", surrogate=" + surrogate + ", s=" + surrogateWidth + ", N=" + wsgSamples
                + ", " + method + ")";
    }
}
