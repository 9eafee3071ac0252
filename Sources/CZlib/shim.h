#ifndef NEWSDESK_CZLIB_H
#define NEWSDESK_CZLIB_H

// The system zlib (Debian zlib1g-dev). deflateInit2 and inflateInit2 are macros Swift cannot call,
// so they are wrapped here; everything else is used as zlib declares it.
#include <zlib.h>

/// Starts a deflate stream that writes the gzip format (window bits 15 + 16), default memory level.
static inline int czlib_deflate_init_gzip(z_stream *stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}

/// Starts an inflate stream that reads the gzip format only (window bits 15 + 16).
static inline int czlib_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 15 + 16);
}

#endif
