package org.dl4jsnn.averaging;

import java.util.Objects;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;

/**
 * Feeds every iterate of DL4J's fit loop into a {@link ParameterAverage}: DL4J calls
 * {@code iterationDone} after the updater has applied the step, so the average sees the parameters each
 * iteration ends with. Add it with {@code net.addListeners(...)}; evaluate or save with
 * {@code average.appliedTo(net)}.
 */
public final class ParameterAveragingListener extends BaseTrainingListener {

    private final ParameterAverage average;

    public ParameterAveragingListener(ParameterAverage average) {
        this.average = Objects.requireNonNull(average, "average must not be null");
    }

    public ParameterAverage average() {
        return average;
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        average.update(model.params());
    }
}
