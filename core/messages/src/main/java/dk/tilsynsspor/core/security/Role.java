package dk.tilsynsspor.core.security;

/** The three kinds of actor of the domain; each is scoped to an authority or an organisation. */
public enum Role {
    INSPECTOR,
    LEADER,
    PROFESSIONAL;

    /** Inspectors act for a supervisory authority; everyone else for an organisation. */
    public boolean scopedToAuthority() {
        return this == INSPECTOR;
    }
}
