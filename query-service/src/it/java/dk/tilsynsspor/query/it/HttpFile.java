package dk.tilsynsspor.query.it;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file of requests in the format IntelliJ's HTTP client, VS Code's REST Client and httpyac read, as far as
 * README's {@code requests.http} uses it: file variables ({@code @name = value}), requests separated by {@code ###}
 * lines, comments, {@code {{variable}}} and {@code {{$timestamp}}}, a body line {@code < ./file} standing for that
 * file's bytes, and response handlers that save values of the answer ({@code client.global.set("name",
 * response.body.path)}, or a text literal joined to one by {@code +}). Anything else in a handler, an unknown
 * variable or a request line it cannot read is an error, never skipped: the file's reader would run it.
 */
final class HttpFile {

    /** One request as written, its title the {@code ###} line's text (the first of several, if it has more). */
    record Request(String title, String method, String target, List<String[]> headers, List<String> body,
                   List<String> handler) {

        /** Whether the body is multipart, whose lines a client joins with CRLF. */
        boolean multipart() {
            return headers.stream().anyMatch(h -> h[0].equalsIgnoreCase("Content-Type")
                    && h[1].toLowerCase().startsWith("multipart/"));
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*(\\$?[A-Za-z0-9_]+)\\s*}}");
    private static final Pattern FILE_VARIABLE = Pattern.compile("^@([A-Za-z0-9_]+)\\s*=\\s*(.*)$");
    private static final Pattern REQUEST_LINE = Pattern.compile("^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\\S+)"
            + "( HTTP/[0-9.]+)?$");
    private static final Pattern SET = Pattern.compile("^client\\.global\\.set\\(\"([A-Za-z0-9_]+)\",\\s*(.+)\\);$");
    private static final Pattern BODY_PATH = Pattern.compile("^response\\.body((?:\\.[A-Za-z0-9_]+|\\[[0-9]+])*)$");
    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z0-9_]+)|\\[([0-9]+)]");
    private static final Pattern LITERAL = Pattern.compile("^\"([^\"\\\\]*)\"$");

    private final Path folder;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final List<Request> requests = new ArrayList<>();

    private HttpFile(Path folder) {
        this.folder = folder;
    }

    /** The file's requests and file variables. */
    static HttpFile read(Path file) {
        HttpFile read = new HttpFile(file.toAbsolutePath().getParent());
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<List<String>> blocks = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        List<String> block = new ArrayList<>();
        String title = "";
        boolean continued = false; // a ### line right after another continues its title
        for (String line : lines) {
            if (line.startsWith("###")) {
                String text = line.substring(3).trim();
                if (continued) {
                    title = (title + " " + text).trim();
                } else {
                    blocks.add(block);
                    titles.add(title);
                    block = new ArrayList<>();
                    title = text;
                }
                continued = true;
                continue;
            }
            continued = false;
            block.add(line);
        }
        blocks.add(block);
        titles.add(title);
        for (int i = 0; i < blocks.size(); i++) {
            read.parse(titles.get(i), blocks.get(i));
        }
        return read;
    }

    List<Request> requests() {
        return requests;
    }

    Map<String, String> variables() {
        return variables;
    }

    private void parse(String title, List<String> lines) {
        int at = 0;
        while (at < lines.size() && !REQUEST_LINE.matcher(lines.get(at)).matches()) {
            Matcher variable = FILE_VARIABLE.matcher(lines.get(at).trim());
            if (variable.matches()) {
                variables.put(variable.group(1), variable.group(2).trim());
            } else if (!lines.get(at).isBlank() && !lines.get(at).startsWith("#")
                    && !lines.get(at).startsWith("//")) {
                throw new IllegalArgumentException("not a request line, comment or variable: " + lines.get(at));
            }
            at++;
        }
        if (at == lines.size()) {
            return; // comments only
        }
        Matcher requestLine = REQUEST_LINE.matcher(lines.get(at++));
        requestLine.matches();
        List<String[]> headers = new ArrayList<>();
        while (at < lines.size() && !lines.get(at).isBlank()) {
            headers.add(header(lines.get(at++)));
        }
        List<String> body = new ArrayList<>();
        List<String> handler = new ArrayList<>();
        boolean inHandler = false;
        for (; at < lines.size(); at++) {
            String line = lines.get(at);
            if (!inHandler && line.startsWith("> {%")) {
                inHandler = true;
                line = line.substring(4);
            }
            if (inHandler) {
                boolean ends = line.contains("%}");
                String code = ends ? line.substring(0, line.indexOf("%}")) : line;
                for (String statement : code.split("(?<=;)")) {
                    if (!statement.isBlank() && !statement.trim().startsWith("//")) {
                        handler.add(statement.trim());
                    }
                }
                if (ends) {
                    inHandler = false;
                }
            } else {
                body.add(line);
            }
        }
        while (!body.isEmpty() && body.get(body.size() - 1).isBlank()) {
            body.remove(body.size() - 1);
        }
        while (!body.isEmpty() && body.get(0).isBlank()) {
            body.remove(0);
        }
        requests.add(new Request(title, requestLine.group(1), requestLine.group(2), headers, body, handler));
    }

    /** A header line ({@code Name: value}) as its name and its value. */
    static String[] header(String line) {
        int colon = line.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("not a header: " + line);
        }
        return new String[]{line.substring(0, colon).trim(), line.substring(colon + 1).trim()};
    }

    /** {@code text} with each {@code {{variable}}} replaced: a saved value, a file variable or a dynamic one. */
    String resolve(String text, Map<String, String> saved, long timestamp) {
        Matcher variable = VARIABLE.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1);
            String value = name.equals("$timestamp") ? String.valueOf(timestamp)
                    : saved.containsKey(name) ? saved.get(name)
                    : variables.containsKey(name) ? resolve(variables.get(name), saved, timestamp) : null;
            if (value == null) {
                throw new IllegalArgumentException("no variable " + name + " (yet) in: " + text);
            }
            variable.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        variable.appendTail(resolved);
        return resolved.toString();
    }

    /** The request's body as its client sends it: variables resolved, {@code < ./file} lines replaced by the file. */
    byte[] body(Request request, Map<String, String> saved, long timestamp) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String newline = request.multipart() ? "\r\n" : "\n";
        for (int i = 0; i < request.body().size(); i++) {
            String line = request.body().get(i);
            if (line.startsWith("< ")) {
                try {
                    body.writeBytes(Files.readAllBytes(folder.resolve(line.substring(2).trim()).normalize()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                body.writeBytes(resolve(line, saved, timestamp).getBytes(StandardCharsets.UTF_8));
            }
            if (i < request.body().size() - 1 || request.multipart()) {
                body.writeBytes(newline.getBytes(StandardCharsets.US_ASCII));
            }
        }
        return body.toByteArray();
    }

    /**
     * Runs the request's handler on its answer: each {@code client.global.set} saves its value in {@code saved}.
     *
     * @throws IllegalArgumentException for a statement it does not read, or a value the answer does not hold
     */
    static void handle(Request request, JsonNode answer, Map<String, String> saved) {
        for (String statement : request.handler()) {
            Matcher set = SET.matcher(statement);
            if (!set.matches()) {
                throw new IllegalArgumentException("a handler statement this runner does not read: " + statement);
            }
            StringBuilder value = new StringBuilder();
            for (String term : set.group(2).split("\\s*\\+\\s*")) {
                Matcher literal = LITERAL.matcher(term.trim());
                Matcher path = BODY_PATH.matcher(term.trim());
                if (literal.matches()) {
                    value.append(literal.group(1));
                } else if (path.matches()) {
                    JsonNode node = answer;
                    Matcher step = STEP.matcher(path.group(1));
                    while (step.find() && node != null) {
                        node = step.group(1) != null ? node.get(step.group(1))
                                : node.get(Integer.parseInt(step.group(2)));
                    }
                    if (node == null || node.isNull() || node.isContainerNode() || node.asText().isEmpty()) {
                        throw new IllegalArgumentException(term + " is not in the answer: " + answer);
                    }
                    value.append(node.asText());
                } else {
                    throw new IllegalArgumentException("a value this runner does not read: " + term);
                }
            }
            saved.put(set.group(1), value.toString());
        }
    }
}
