package org.iclab.io;

/**
 * The disk refused what a run had to write (full, read-only, gone): the message says what could not be written and
 * what is still intact. The command line reports it in one line with exit code 2, as the fix is the user's (free
 * space, another folder), not iclab's.
 */
public class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
