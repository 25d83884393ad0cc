package org.dl4jsnn.export;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.lang.reflect.Array;
import java.util.function.Function;

/**
 * Typed reads of HDF5 datasets that fail with a message naming the place ("layer 2") and the field,
 * shared by the netx and NIR readers.
 */
final class Hdf5Fields {

    private final Group group;
    private final String where;
    private final Function<String, RuntimeException> failure;

    Hdf5Fields(Group group, String where, Function<String, RuntimeException> failure) {
        this.group = group;
        this.where = where;
        this.failure = failure;
    }

    RuntimeException fail(String field, String problem) {
        return failure.apply(where + ": field '" + field + "' " + problem);
    }

    boolean has(String field) {
        return group.getChildren().containsKey(field);
    }

    /** The fields of a subgroup, reported as "<where>/<field>". */
    Hdf5Fields child(String field) {
        return new Hdf5Fields(group(field), where + "/" + field, failure);
    }

    Group group(String field) {
        Node n = group.getChild(field);
        if (n == null) {
            throw fail(field, "is missing");
        }
        if (!(n instanceof Group g)) {
            throw fail(field, "is a dataset, expected a group");
        }
        return g;
    }

    Dataset dataset(String field) {
        Node n = group.getChild(field);
        if (n == null) {
            throw fail(field, "is missing");
        }
        if (!(n instanceof Dataset d)) {
            throw fail(field, "is a group, expected a dataset");
        }
        return d;
    }

    /** A string scalar or a 1-element string array (both are written by netx exporters). */
    String string(String field) {
        Object o = dataset(field).getData();
        if (o instanceof String s) {
            return s.trim();
        }
        if (o.getClass().isArray() && Array.getLength(o) == 1 && Array.get(o, 0) instanceof String s) {
            return s.trim();
        }
        throw fail(field, "is not a string");
    }

    long integer(String field) {
        Object o = dataset(field).getData();
        if (o.getClass().isArray() && Array.getLength(o) == 1) {
            o = Array.get(o, 0);
        }
        if (o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte) {
            return ((Number) o).longValue();
        }
        throw fail(field, "is not an integer scalar (got " + o.getClass().getSimpleName() + ")");
    }

    double real(String field) {
        Object o = dataset(field).getData();
        if (o.getClass().isArray() && Array.getLength(o) == 1) {
            o = Array.get(o, 0);
        }
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        throw fail(field, "is not a number");
    }

    /** Any numeric 1-D dataset as doubles; {@code length} < 0 accepts any length. */
    double[] vector(String field, int length) {
        Object o = dataset(field).getData();
        if (!o.getClass().isArray() || o.getClass().getComponentType().isArray()) {
            throw fail(field, "is not a 1-D array");
        }
        int n = Array.getLength(o);
        if (length >= 0 && n != length) {
            throw fail(field, "has " + n + " entries, expected " + length);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            Object e = Array.get(o, i);
            if (!(e instanceof Number num)) {
                throw fail(field, "is not numeric");
            }
            v[i] = num.doubleValue();
        }
        return v;
    }

    /** Any numeric 2-D dataset as doubles [rows][cols]. */
    double[][] matrix(String field) {
        Object o = dataset(field).getData();
        if (!o.getClass().isArray() || !o.getClass().getComponentType().isArray()) {
            throw fail(field, "is not a 2-D array");
        }
        int rows = Array.getLength(o);
        double[][] m = new double[rows][];
        for (int r = 0; r < rows; r++) {
            Object row = Array.get(o, r);
            int cols = Array.getLength(row);
            m[r] = new double[cols];
            for (int c = 0; c < cols; c++) {
                m[r][c] = ((Number) Array.get(row, c)).doubleValue();
            }
        }
        return m;
    }

    String[] strings(String field) {
        Object o = dataset(field).getData();
        if (!(o instanceof String[] s)) {
            throw fail(field, "is not a 1-D string array");
        }
        String[] out = new String[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i].trim();
        }
        return out;
    }
}
