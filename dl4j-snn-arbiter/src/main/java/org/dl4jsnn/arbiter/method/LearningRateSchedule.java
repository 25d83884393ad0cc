package org.dl4jsnn.arbiter.method;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/** How the learning rate changes over a candidate's training iterations. */
public enum LearningRateSchedule {
    /** The rate stays where it starts. */
    CONSTANT,
    /** The rate drops to 1/10 at 60% and to 1/100 at 85% of the iterations (as the paper-scale runs do). */
    STEP_DECAY;

    /** The schedule of a run of {@code iterations} iterations that starts at {@code rate}. */
    public ISchedule schedule(double rate, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
        }
        MapSchedule.Builder b = new MapSchedule.Builder(ScheduleType.ITERATION).add(0, rate);
        if (this == STEP_DECAY) {
            int first = (int) (0.6 * iterations);
            int second = (int) (0.85 * iterations);
            if (first > 0) {
                b.add(first, rate / 10);
            }
            if (second > first) {
                b.add(second, rate / 100);
            }
        }
        return b.build();
    }
}
