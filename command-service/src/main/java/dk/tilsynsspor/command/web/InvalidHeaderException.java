package dk.tilsynsspor.command.web;

/** A request header has a value the API cannot take. */
public class InvalidHeaderException extends RuntimeException {

    private final String header;

    public InvalidHeaderException(String header, String problem) {
        super("Header " + header + ": " + problem);
        this.header = header;
    }

    public String header() {
        return header;
    }
}
