package org.iclab.claim;

/** A claim that is malformed or reads what its script does not declare: a user error, located where the claim is. */
public final class ClaimException extends RuntimeException {
    private final transient Claim claim;

    public ClaimException(Claim claim, String message) {
        super("claim '" + claim.name() + "' " + message);
        this.claim = claim;
    }

    /** A problem with what a claim reads, before the claim is known (a name, a k). */
    public ClaimException(String message) {
        super(message);
        this.claim = null;
    }

    /** The claim, where known. */
    public Claim claim() {
        return claim;
    }
}
