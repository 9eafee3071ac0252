#ifndef NEWSDESK_CZLIB_H
#define NEWSDESK_CZLIB_H

// The system zlib (Debian zlib1g-dev). deflateInit2 and inflateInit2 are macros Swift cannot call,
// so they are wrapped here; everything else is used as zlib declares it.
#include <zlib.h>

/// Starts a deflate stream that writes the gzip format (`window_bits` 9 to 15, plus 16 for the gzip
/// wrapper) with `memory_level` 1 to 9.
static inline int czlib_deflate_init_gzip(z_stream *stream, int level, int window_bits, int memory_level) {
    return deflateInit2(stream, level, Z_DEFLATED, window_bits + 16, memory_level, Z_DEFAULT_STRATEGY);
}

/// Starts an inflate stream that reads the gzip format only (window bits 15 + 16).
static inline int czlib_inflate_init_gzip(z_stream *stream) {
    return inflateInit2(stream, 15 + 16);
}

#endif
