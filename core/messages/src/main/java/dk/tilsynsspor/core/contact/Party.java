package dk.tilsynsspor.core.contact;

/** Who has a registered address: an organisation answering orders, or an authority imposing them. */
public enum Party {
    ORGANISATION,
    AUTHORITY
}
