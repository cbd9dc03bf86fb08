package org.iclab.spec;

/**
 * Isotropic Gaussian inputs, x ~ N(0, I_d).
 *
 * <pre>
 * Java:   Iclab.gaussian()                    Groovy:  inputs gaussian()
 * </pre>
 */
@Setting("Isotropic Gaussian inputs, x ~ N(0, I_d).")
public record Gaussian() implements Inputs {
}
