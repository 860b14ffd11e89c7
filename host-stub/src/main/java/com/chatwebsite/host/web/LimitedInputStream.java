package com.chatwebsite.host.web;

import com.chatwebsite.api.web.PayloadTooLargeException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A body stream that fails with {@link PayloadTooLargeException} once more than the limit is read. */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long read;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws PayloadTooLargeException {
        read += n;
        if (read > limit) {
            throw new PayloadTooLargeException(limit);
        }
    }
}
