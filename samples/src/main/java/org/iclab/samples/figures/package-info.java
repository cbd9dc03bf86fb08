/** Figure makers: programs that draw a reproduction's figures from run directories, with their arguments in the page that shows them. */
package org.iclab.samples.figures;
