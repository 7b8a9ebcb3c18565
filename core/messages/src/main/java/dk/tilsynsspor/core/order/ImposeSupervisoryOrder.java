package dk.tilsynsspor.core.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Imposes an order: directly, saying why no notice was given ({@code noticeWaivedReason}); or on the order's notice
 * ({@code onNotice}), whose authority, organisation, reference and legal basis it keeps (those fields may be null).
 */
public record ImposeSupervisoryOrder(
        @TargetAggregateIdentifier UUID orderId,
        String authorityId,
        String organisationId,
        String reference,
        String legalBasis,
        LocalDate issuedOn,
        String summary,
        List<Requirement> requirements,
        String noticeWaivedReason,
        boolean onNotice) {

    /** A direct imposition, without notice, for the reason given. */
    public ImposeSupervisoryOrder(UUID orderId, String authorityId, String organisationId, String reference,
                                  String legalBasis, LocalDate issuedOn, String summary, List<Requirement> requirements,
                                  String noticeWaivedReason) {
        this(orderId, authorityId, organisationId, reference, legalBasis, issuedOn, summary, requirements,
                noticeWaivedReason, false);
    }

    /** An imposition on the order's notice. */
    public static ImposeSupervisoryOrder onNotice(UUID orderId, LocalDate issuedOn, String summary,
                                                  List<Requirement> requirements) {
        return new ImposeSupervisoryOrder(orderId, null, null, null, null, issuedOn, summary, requirements, null,
                true);
    }

    /** The same imposition with the notice's parties, reference and legal basis. */
    public ImposeSupervisoryOrder as(NoticeOfOrderGiven notice) {
        return new ImposeSupervisoryOrder(orderId, notice.authorityId(), notice.organisationId(), notice.reference(),
                notice.legalBasis(), issuedOn, summary, requirements, null, true);
    }
}
