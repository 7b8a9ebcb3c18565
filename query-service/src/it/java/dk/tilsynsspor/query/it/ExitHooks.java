package dk.tilsynsspor.query.it;

/** What a test run or the benchmark leaves running or stored is cleaned up when its JVM exits before it could. */
final class ExitHooks {

    private ExitHooks() {
    }

    static Thread add(String name, Runnable cleanUp) {
        Thread hook = new Thread(cleanUp, name);
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** The cleaning up was done in time; during the JVM's exit the hook runs anyway and finds nothing left. */
    static void remove(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // the JVM is exiting: hooks can no longer be removed
        }
    }
}
