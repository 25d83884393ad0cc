package org.dl4jsnn.reproduce.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.dl4jsnn.reproduce.TaskRegistry;

/**
 * Finds the registry of real tasks by name, so that the tool's shell compiles and is tested without
 * the training code it will run.
 */
public final class RegistryLoader {

    public static final String TASKS_CLASS = "org.dl4jsnn.reproduce.tasks.Tasks";
    public static final String FACTORY_METHOD = "registry";

    private RegistryLoader() {
    }

    /** @throws IllegalStateException with a message for the user when the class or method is missing */
    public static TaskRegistry load(String className, String methodName) {
        Class<?> type;
        try {
            type = Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no tasks are built into this jar: class " + className
                    + " (with 'public static TaskRegistry " + methodName + "()') is not on the class path", e);
        }
        Method factory;
        try {
            factory = type.getMethod(methodName);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(className + " has no public method " + methodName + "()", e);
        }
        if (!Modifier.isStatic(factory.getModifiers()) || !TaskRegistry.class.isAssignableFrom(factory.getReturnType())) {
            throw new IllegalStateException(className + "." + methodName + "() must be static and return "
                    + TaskRegistry.class.getName());
        }
        try {
            Object registry = factory.invoke(null);
            if (registry == null) {
                throw new IllegalStateException(className + "." + methodName + "() returned null");
            }
            return (TaskRegistry) registry;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + className + "." + methodName + "(): " + e.getMessage(), e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(className + "." + methodName + "() failed: " + e.getCause(), e.getCause());
        }
    }
}
