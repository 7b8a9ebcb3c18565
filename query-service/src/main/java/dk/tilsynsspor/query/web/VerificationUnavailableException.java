package dk.tilsynsspor.query.web;

/** A verification this installation cannot make, because its event store keeps no hash chain. */
public class VerificationUnavailableException extends RuntimeException {

    public VerificationUnavailableException(String detail) {
        super(detail);
    }
}
