package dk.tilsynsspor.query.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * The end-to-end tests start the services some forty times a run, most of that time spent loading classes and
 * compiling code that runs once. With {@code it.fast-start} (set by the build for the end-to-end tests, never for
 * the benchmark) a service starts from its jar as Spring Boot extracts it for class data sharing
 * ({@code -Djarmode=tools extract}), with an archive of the classes one start loaded (a training run that ends once
 * the application context is refreshed, {@code -XX:ArchiveClassesAtExit}) and the quick compiler only: about a
 * third of the start's time and CPU. The same code runs; the JVM only loads and compiles it differently.
 *
 * <p>Extracted once per jar content, in {@code target/it-fast-start}, and reused by the later test runs of the same
 * build (the jar is packaged again by each, from the same classes): the archive stays valid only as long as the
 * extracted jars are the ones it was made from. A training run that fails leaves the service starting from the
 * extracted jar without an archive, which is slower, not different; the JVM likewise ignores an archive it finds
 * stale.
 */
final class FastStart {

    static final boolean ON = Boolean.getBoolean("it.fast-start");

    private static final Path ROOT = Path.of("target", "it-fast-start").toAbsolutePath();
    private static final Map<Path, Prepared> PREPARED = new ConcurrentHashMap<>();

    /** The extracted jar to run and its archive of classes (null if none could be made). */
    record Prepared(Path jar, Path archive) {

        /** The JVM options and jar of a start: {@code -jar} last, for the application's arguments to follow. */
        List<String> options() {
            List<String> options = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1"));
            if (archive != null) {
                options.add("-XX:SharedArchiveFile=" + archive);
            }
            options.addAll(List.of("-jar", jar.toString()));
            return options;
        }
    }

    private FastStart() {
    }

    /**
     * The jar extracted and its archive trained, once per jar content: the training run starts the service as the
     * test's start would ({@code java} with the heap options, the environment and the arguments) until its context
     * is refreshed, so the classes archived are the ones such a start loads.
     */
    static Prepared prepare(Path jar, List<String> java, Map<String, String> environment, List<String> arguments,
                            Path log) {
        return PREPARED.computeIfAbsent(jar, packaged -> {
            Path folder = ROOT.resolve(packaged.getFileName().toString().replaceFirst("\\.jar$", "") + "-"
                    + contentDigest(packaged));
            Path extracted = folder.resolve(packaged.getFileName());
            Path archive = folder.resolve("classes.jsa");
            if (!Files.isRegularFile(extracted) && run(List.of(java.get(0), "-Djarmode=tools", "-jar",
                    packaged.toString(), "extract", "--force", "--destination", folder.toString()), Map.of(), log)
                    != 0) {
                throw new IllegalStateException(packaged + " could not be extracted (see " + log + ")");
            }
            if (!Files.isRegularFile(archive)) {
                List<String> training = new ArrayList<>(java);
                training.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:ArchiveClassesAtExit=" + archive,
                        "-Dspring.context.exit=onRefresh", "-jar", extracted.toString(), "--server.port=0"));
                training.addAll(arguments);
                if (run(training, environment, log) != 0 || !Files.isRegularFile(archive)) {
                    System.err.println("No class archive for " + packaged.getFileName() + " (see " + log
                            + "): its starts load every class");
                    return new Prepared(extracted, null);
                }
            }
            return new Prepared(extracted, archive);
        });
    }

    private static int run(List<String> command, Map<String, String> environment, Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("still running after 3 minutes: " + command);
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The jar's entries by name and content, a nested jar of this build's (a snapshot) by its own entries': the same
     * for a jar packaged again from the same classes (each build writes the times of its files into the jars it
     * makes, so their bytes differ; a released library's bytes never change).
     */
    private static String contentDigest(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            MessageDigest digest = sha256();
            List<? extends ZipEntry> entries = Collections.list(zip.entries());
            entries.sort(Comparator.comparing(ZipEntry::getName));
            for (ZipEntry entry : entries) {
                digest.update((entry.getName() + "\n").getBytes(StandardCharsets.UTF_8));
                if (entry.getName().endsWith("-SNAPSHOT.jar")) {
                    digestNested(new ZipInputStream(zip.getInputStream(entry)), digest);
                } else {
                    digest.update(Long.toString(entry.getCrc()).getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void digestNested(ZipInputStream nested, MessageDigest digest) throws IOException {
        SortedMap<String, byte[]> entries = new TreeMap<>();
        for (ZipEntry entry = nested.getNextEntry(); entry != null; entry = nested.getNextEntry()) {
            MessageDigest content = sha256();
            content.update(nested.readAllBytes());
            entries.put(entry.getName(), content.digest());
        }
        entries.forEach((name, content) -> {
            digest.update((name + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(content);
        });
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
