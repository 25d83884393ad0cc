package org.dl4jsnn.layer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The working arrays of one layer's passes, kept from one iteration to the next: one set per chunk of the
 * minibatch ({@code BatchChunks}), one array per {@link Slot}, reused while its precision and length still
 * fit and replaced when they do not (a new batch size, a new T). Allocating them afresh every iteration
 * (three trace arrays of about 2 MB per chunk and layer, plus as many copies and gradients) cost BP 6-10%
 * of its samples in zeroing new arrays at batch 1,000 and filled the cores' shared cache with garbage
 * when two threads ran (docs/design.md section 7).
 *
 * <p>Not part of the model: a layer restored by ModelSerializer, a clone or a Java-deserialized layer
 * starts with none. Thread safety: {@link #forChunks} runs on the calling thread before the chunks are
 * shared out; afterwards chunk c's arrays are touched only by the thread running chunk c, and handing the
 * chunks to threads and joining them orders those accesses (the executor's submit and Future.get).
 */
public final class ChunkBuffers {

    /** What an array holds; each slot is one array per chunk. */
    public enum Slot {
        /** A training pass's copy of the chunk's input, kept for back-propagation. */
        INPUT,
        /**
         * An inference pass's copy of the input (so it never overwrites a training trace's), or
         * back-propagation's input gradient: the same length, never needed at the same time.
         */
        INPUT_SCRATCH,
        /** A forward pass's spikes, or back-propagation's dL/dS: the same length, each used within its pass. */
        TRAINS_SCRATCH,
        /** The surrogate slopes g and the reset slopes a of the last training pass. */
        SPIKE_SLOPES,
        RESET_SLOPES,
        MEMBRANE,
        CURRENT,
        CARRIED,
        LOSS_PER_CURRENT,
        LOSS_PER_CURRENT_TOTAL,
        /** TimeAverage: one step's rows of spike trains, and the mean or gradient share. */
        STEP_ROWS,
        ROWS,
        SPREAD
    }

    /** The arrays of one chunk. */
    public static final class Chunk {

        /** A chunk's arrays of its own: a caller that keeps nothing between calls gets fresh arrays. */
        public Chunk() {
        }

        private final Map<Slot, Object> arrays = new EnumMap<>(Slot.class);

        /** An array of {@code length} for {@code slot}, its contents left from earlier use (or zero if new). */
        public <A> A any(KernelPrecision<A> p, Slot slot, int length) {
            Object kept = arrays.get(slot);
            if (kept != null && p.holds(kept, length)) {
                @SuppressWarnings("unchecked")
                A a = (A) kept;
                return a;
            }
            A fresh = p.allocate(length);
            arrays.put(slot, fresh);
            return fresh;
        }

        /** {@link #any} filled with zeros. */
        public <A> A zeroed(KernelPrecision<A> p, Slot slot, int length) {
            A a = any(p, slot, length);
            p.zero(a);
            return a;
        }
    }

    private final List<Chunk> chunks = new ArrayList<>();

    /** The buffers of chunks 0 .. count - 1 (creating missing ones); call before sharing chunks out. */
    public synchronized List<Chunk> forChunks(int count) {
        while (chunks.size() < count) {
            chunks.add(new Chunk());
        }
        return List.copyOf(chunks.subList(0, count));
    }
}
