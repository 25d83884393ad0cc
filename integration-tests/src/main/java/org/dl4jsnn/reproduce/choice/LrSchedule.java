package org.dl4jsnn.reproduce.choice;

import java.util.Locale;
import org.dl4jsnn.schedule.CosineSchedule;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/** The learning-rate schedule of a run's Adam updater, scaled to the run's iterations. */
public enum LrSchedule {
    /** The rate stays as given. */
    CONSTANT("constant"),
    /** lr/10 from 60% and lr/100 from 85% of the iterations. */
    STEP("step: lr/10 at 60%, lr/100 at 85% of the iterations"),
    /** Cosine annealing from lr to lr/100 at the last iteration. */
    COSINE("cosine: lr to lr/100 over the iterations");

    private final String label;

    LrSchedule(String label) {
        this.label = label;
    }

    /** The value recorded in the settings and shown in the report. */
    public String label() {
        return label;
    }

    /** The spelling on the command line: constant, step, cosine. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** From a command-line name or a recorded label. */
    public static LrSchedule parse(String text) {
        for (LrSchedule s : values()) {
            if (s.cliName().equalsIgnoreCase(text.trim()) || s.label.equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown lr schedule '" + text + "'; allowed: constant, step, cosine");
    }

    /** Adam at {@code lr} with this schedule over {@code iterations}. */
    public IUpdater adam(double lr, int iterations) {
        return switch (this) {
            case CONSTANT -> new Adam(lr);
            case STEP -> new Adam(new MapSchedule.Builder(ScheduleType.ITERATION)
                    .add(0, lr).add((int) (0.6 * iterations), lr / 10).add((int) (0.85 * iterations), lr / 100).build());
            case COSINE -> new Adam(CosineSchedule.toHundredth(lr, iterations));
        };
    }
}
