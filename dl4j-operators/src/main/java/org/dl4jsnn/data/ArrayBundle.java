package org.dl4jsnn.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dl4jsnn.solver.Checks;

/**
 * Named double arrays with shapes, in insertion order: the unit a {@link DatasetCache} stores.
 *
 * <p>Immutable: arrays are copied in and out.
 */
public final class ArrayBundle {

    private record Entry(int[] shape, double[] data) {
    }

    private final Map<String, Entry> entries;

    private ArrayBundle(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<String> names() {
        return new ArrayList<>(entries.keySet());
    }

    public boolean contains(String name) {
        return entries.containsKey(name);
    }

    public int[] shape(String name) {
        return entry(name).shape().clone();
    }

    public double[] data(String name) {
        return entry(name).data().clone();
    }

    /**
     * The data of {@code name} after checking its shape, so a bundle from an older layout fails with
     * a message instead of being misread.
     */
    public double[] data(String name, int... expectedShape) {
        Entry e = entry(name);
        if (!Arrays.equals(e.shape(), expectedShape)) {
            throw new IllegalArgumentException("array '" + name + "' has shape " + Arrays.toString(e.shape())
                    + ", expected " + Arrays.toString(expectedShape));
        }
        return e.data().clone();
    }

    private Entry entry(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            throw new IllegalArgumentException("no array named '" + name + "'; present: " + entries.keySet());
        }
        return e;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ArrayBundle other) || !entries.keySet().equals(other.entries.keySet())) {
            return false;
        }
        // Key order is part of the stored format, so it is part of equality too.
        if (!names().equals(other.names())) {
            return false;
        }
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            Entry mine = e.getValue();
            Entry theirs = other.entries.get(e.getKey());
            if (!Arrays.equals(mine.shape(), theirs.shape())
                    || !Arrays.equals(mine.data(), theirs.data())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            h = 31 * h + e.getKey().hashCode();
            h = 31 * h + Arrays.hashCode(e.getValue().shape());
            h = 31 * h + Arrays.hashCode(e.getValue().data());
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ArrayBundle[");
        entries.forEach((k, v) -> sb.append(k).append(Arrays.toString(v.shape())).append(' '));
        return sb.toString().trim() + "]";
    }

    public static final class Builder {
        private final Map<String, Entry> entries = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds a copy of {@code data}, whose length must be the product of {@code shape}. */
        public Builder put(String name, double[] data, int... shape) {
            Checks.notNull("name", name);
            Checks.notNull(name, data);
            Checks.notNull("shape", shape);
            if (name.isEmpty()) {
                throw new IllegalArgumentException("name must not be empty");
            }
            if (entries.containsKey(name)) {
                throw new IllegalArgumentException("duplicate array name '" + name + "'");
            }
            long size = 1;
            for (int d : shape) {
                if (d < 0) {
                    throw new IllegalArgumentException("shape of '" + name + "' must be non-negative, got "
                            + Arrays.toString(shape));
                }
                size *= d;
            }
            if (size != data.length) {
                throw new IllegalArgumentException("array '" + name + "' has " + data.length
                        + " values but shape " + Arrays.toString(shape) + " needs " + size);
            }
            entries.put(name, new Entry(shape.clone(), data.clone()));
            return this;
        }

        public ArrayBundle build() {
            return new ArrayBundle(new LinkedHashMap<>(entries));
        }
    }
}
