/**
 * Files on disk: atomic writes and directory swaps ({@link org.iclab.io.AtomicFiles}) and the one JSON
 * configuration every file uses ({@link org.iclab.io.Json}). Below {@code train} and {@code report}, which both
 * write files, so neither has to import the other.
 */
package org.iclab.io;
