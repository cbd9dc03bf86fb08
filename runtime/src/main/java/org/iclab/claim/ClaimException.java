package org.iclab.claim;

/** A claim that is malformed or reads what its script does not declare: a user error, located where the claim is. */
public final class ClaimException extends RuntimeException {
    private final String claim;

    /** A problem with the claim named {@code claim} itself (what it gives, its bound). */
    public ClaimException(String claim, String message) {
        super("claim '" + claim + "' " + message);
        this.claim = claim;
    }

    /** A problem with what a claim reads, before the claim is known (a name, a k). */
    public ClaimException(String message) {
        super(message);
        this.claim = null;
    }

    /** The claim's name, where the problem is the claim's own; null for a reading's. */
    public String claim() {
        return claim;
    }
}
