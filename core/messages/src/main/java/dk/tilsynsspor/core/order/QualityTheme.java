package dk.tilsynsspor.core.order;

/**
 * The themes of Socialtilsynet's quality model a requirement belongs to. Never remove a constant: orders imposed
 * under an older version of the model keep their themes (the 2025 amendment retired the first two for new orders).
 */
public enum QualityTheme {
    UDDANNELSE_OG_BESKAEFTIGELSE,
    SELVSTAENDIGHED_OG_RELATIONER,
    MAALGRUPPE_METODER_OG_RESULTATER,
    SUNDHED_OG_TRIVSEL,
    ORGANISATION_OG_LEDELSE,
    KOMPETENCER,
    FYSISKE_RAMMER,
    OEKONOMI,
    /** For orders from other authorities, e.g. Styrelsen for Patientsikkerhed. */
    OTHER
}
