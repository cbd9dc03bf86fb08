/**
 * The engine room: offline native bootstrap for TensorFlow and loading exported models back through DJL.
 * With {@code org.iclab.graph}, the only package that imports TensorFlow or DJL.
 */
package org.iclab.engine;
