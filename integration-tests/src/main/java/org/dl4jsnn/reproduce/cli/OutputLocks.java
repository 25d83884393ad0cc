package org.dl4jsnn.reproduce.cli;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.dl4jsnn.reproduce.run.TaskPlan;
import org.dl4jsnn.reproduce.store.FolderLock;

/**
 * The locks of every output folder of one invocation, taken before any work: a second run on the same
 * folder is refused (exit 2, naming the holder) instead of both writing and one report surviving.
 * Taking them also proves the folders can be written, so an unwritable --out fails before training.
 */
final class OutputLocks implements AutoCloseable {

    private final List<FolderLock> locks;

    private OutputLocks(List<FolderLock> locks) {
        this.locks = locks;
    }

    /** @throws InvalidOptionException for --out when a folder is taken or cannot be written */
    static OutputLocks acquire(List<TaskPlan> plans) {
        List<FolderLock> taken = new ArrayList<>();
        try {
            for (TaskPlan plan : plans) {
                taken.add(FolderLock.acquire(plan.out().root()));
            }
        } catch (FolderLock.HeldException | UncheckedIOException e) {
            new OutputLocks(taken).close();
            throw new InvalidOptionException("--out", e.getMessage());
        }
        return new OutputLocks(taken);
    }

    @Override
    public void close() {
        for (FolderLock lock : locks) {
            lock.close();
        }
    }
}
