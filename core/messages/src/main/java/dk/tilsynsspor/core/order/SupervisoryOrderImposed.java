package dk.tilsynsspor.core.order;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code noticeGiven}: imposed on the order's notice (the order's own earlier {@link NoticeOfOrderGiven}); else
 * {@code noticeWaivedReason} says why no notice was given. Orders imposed before notices existed have neither
 * ({@code noticeGiven} null).
 */
@Revision("1")
public record SupervisoryOrderImposed(
        UUID orderId,
        String authorityId,
        String organisationId,
        String reference,
        String legalBasis,
        LocalDate issuedOn,
        String summary,
        List<Requirement> requirements,
        String noticeWaivedReason,
        Boolean noticeGiven) implements OrderEvent {

    /** An order as imposed before notices existed. */
    public SupervisoryOrderImposed(UUID orderId, String authorityId, String organisationId, String reference,
                                   String legalBasis, LocalDate issuedOn, String summary,
                                   List<Requirement> requirements) {
        this(orderId, authorityId, organisationId, reference, legalBasis, issuedOn, summary, requirements, null,
                null);
    }

    public boolean onNotice() {
        return Boolean.TRUE.equals(noticeGiven);
    }
}
