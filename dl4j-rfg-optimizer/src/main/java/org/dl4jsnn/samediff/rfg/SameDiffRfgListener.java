package org.dl4jsnn.samediff.rfg;

/**
 * Callbacks of {@link SameDiffRfgTrainer#fit}, like DL4J's TrainingListener: called on the training
 * thread after each iteration's update and after each epoch.
 */
public interface SameDiffRfgListener {

    /** After the update of iteration {@code estimate.iteration()}; the trainer's counter has moved on. */
    default void iterationDone(SameDiffRfgTrainer trainer, GradientEstimate estimate, int epoch) {
    }

    /** After the last minibatch of {@code epoch}. */
    default void epochDone(SameDiffRfgTrainer trainer, int epoch) {
    }
}
