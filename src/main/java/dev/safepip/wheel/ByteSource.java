package dev.safepip.wheel;

import java.io.IOException;

/**
 * Random access to the bytes of a wheel that may be far away: a local file read in place, or a remote one read by
 * HTTP range requests. Only the parts asked for are ever fetched.
 */
public interface ByteSource {

    /** The last length bytes (all of them when the file is shorter); learns the size on the way. */
    byte[] tail(int length) throws IOException;

    /** Exactly length bytes from offset (fewer only at the end of the file). */
    byte[] read(long offset, int length) throws IOException;

    /**
     * Says that the bytes of this range will be read soon, in parts: a remote source fetches them now in one
     * request rather than one per part. A local file needs nothing.
     */
    default void prefetch(long offset, int length) throws IOException {
    }

    /** The file's size; known after the first tail(). */
    long size() throws IOException;

    /** How many bytes were fetched so far (for the user and the bench: a look must stay small). */
    long fetched();
}
