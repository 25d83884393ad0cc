package org.dl4jsnn.arbiter.data;

import java.util.Properties;

/**
 * Reads the Properties Arbiter hands a DataSource, with defaults and range checks that name the key.
 */
final class SearchDataProperties {

    private final Properties properties;

    SearchDataProperties(Properties properties) {
        this.properties = properties == null ? new Properties() : properties;
    }

    int positiveInt(String key, int defaultValue) {
        String v = properties.getProperty(key);
        int value;
        try {
            value = v == null ? defaultValue : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("data property " + key + " must be an integer >= 1, got '" + v + "'");
        }
        if (value < 1) {
            throw new IllegalArgumentException("data property " + key + " must be >= 1, got " + value);
        }
        return value;
    }

    long longValue(String key, long defaultValue) {
        String v = properties.getProperty(key);
        try {
            return v == null ? defaultValue : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("data property " + key + " must be an integer, got '" + v + "'");
        }
    }

    double fraction(String key, double defaultValue) {
        String v = properties.getProperty(key);
        double value;
        try {
            value = v == null ? defaultValue : Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("data property " + key + " must be a number in (0, 1), got '" + v + "'");
        }
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException("data property " + key + " must be in (0, 1), got " + value);
        }
        return value;
    }

    String string(String key) {
        return properties.getProperty(key);
    }

    /** Training rows [0, cut) and validation rows [cut, n): at least one of each. */
    static int cut(String what, int n, double validationFraction) {
        int validation = (int) Math.round(n * validationFraction);
        if (validation < 1 || validation >= n) {
            throw new IllegalArgumentException(what + ": a validation fraction of " + validationFraction + " of " + n
                    + " leaves " + validation + " validation and " + (n - validation)
                    + " training examples; both must be >= 1");
        }
        return n - validation;
    }
}
