package org.dl4jsnn.data;

import java.io.Serializable;
import java.util.NoSuchElementException;
import java.util.Random;
import org.dl4jsnn.solver.Checks;

/**
 * Walks the indices {@code 0..size-1} once per epoch, in a seeded random order when shuffling.
 *
 * <p>The order of epoch e depends only on (seed, e), so two iterators with the same seed yield the
 * same batches epoch after epoch, whatever else runs in the JVM. {@link #reset()} starts the next epoch.
 */
final class EpochCursor implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int size;
    private final boolean shuffle;
    private final long seed;
    private int epoch;
    private int[] order;
    private int position;

    EpochCursor(int size, boolean shuffle, long seed) {
        this.size = Checks.positive("size", size);
        this.shuffle = shuffle;
        this.seed = seed;
        this.order = orderFor(0);
    }

    boolean hasNext() {
        return position < size;
    }

    /** The next up to {@code max} indices of this epoch. */
    int[] next(int max) {
        Checks.positive("num (examples requested)", max);
        if (!hasNext()) {
            throw new NoSuchElementException("epoch " + epoch + " is exhausted; call reset()");
        }
        int count = Math.min(max, size - position);
        int[] out = new int[count];
        System.arraycopy(order, position, out, 0, count);
        position += count;
        return out;
    }

    void reset() {
        epoch++;
        order = orderFor(epoch);
        position = 0;
    }

    int epoch() {
        return epoch;
    }

    private int[] orderFor(int e) {
        int[] o = new int[size];
        for (int i = 0; i < size; i++) {
            o[i] = i;
        }
        if (shuffle) {
            Random rng = new Random(Seeds.derive(seed, e));
            for (int i = size - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int tmp = o[i];
                o[i] = o[j];
                o[j] = tmp;
            }
        }
        return o;
    }
}
