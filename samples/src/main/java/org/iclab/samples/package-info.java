/** Small programs that use iclab's fluent Java API as a researcher would; the build runs them. */
package org.iclab.samples;
