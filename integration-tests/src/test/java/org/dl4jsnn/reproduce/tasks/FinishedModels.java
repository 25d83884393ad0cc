package org.dl4jsnn.reproduce.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.dl4jsnn.reproduce.CheckpointStore;

/** A store that keeps nothing but the finished models it is offered, for tests to inspect. */
final class FinishedModels implements CheckpointStore {

    final List<ComputationGraph> finished = new ArrayList<>();

    @Override
    public void save(String runKey, byte[] payload) {
    }

    @Override
    public Optional<byte[]> load(String runKey) {
        return Optional.empty();
    }

    @Override
    public void delete(String runKey) {
    }

    @Override
    public void finished(String runKey, ComputationGraph net) {
        finished.add(net);
    }

    /** The one model offered. */
    ComputationGraph only() {
        if (finished.size() != 1) {
            throw new AssertionError("expected one finished model, got " + finished.size());
        }
        return finished.get(0);
    }
}
