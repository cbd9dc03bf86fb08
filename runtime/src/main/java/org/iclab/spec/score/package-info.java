/** Token scores: what a token objective reports at each position (the error first, the rest beside it). The implementations live in the packages that register them. */
package org.iclab.spec.score;
