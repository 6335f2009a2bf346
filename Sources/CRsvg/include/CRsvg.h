// librsvg and cairo (Debian's librsvg2-2), loaded with dlopen the first time a chart is drawn:
// commands that draw no PNG (all but the Word briefing) do not load the 43 libraries librsvg
// brings, which cost every process about 7 MB of memory (binhai --version: 35 → 28 MB peak RSS).
// Only the few declarations used are written here (no GLib or cairo headers are needed to build).
#ifndef BINHAISIM_CRSVG_H
#define BINHAISIM_CRSVG_H
#include <stddef.h>

/// Receives the PNG bytes as cairo writes them (it is cairo's write function): returns 0
/// (CAIRO_STATUS_SUCCESS) to go on, 11 (CAIRO_STATUS_WRITE_ERROR) to stop.
typedef int (*BinhaiPNGSink)(void *context, const unsigned char *bytes, unsigned int length);

/// Loads librsvg and cairo once (thread-safe). Returns NULL when they are available, otherwise a
/// message saying what is missing (static storage).
const char *binhai_rsvg_load(void);

/// Draws the SVG `svg` (`length` bytes of UTF-8) at `scale` × its intrinsic size in pixels on a
/// white background and writes it as PNG to `sink`. Returns 0 on success and sets `*width`,
/// `*height`; otherwise writes a message into `message` (at most `capacity` bytes, NUL-terminated)
/// and returns 1 (librsvg missing), 2 (SVG unreadable), 3 (no size in pixels), 4 (cairo failed),
/// 5 (drawing failed) or 6 (PNG not written).
int binhai_rsvg_png(const char *svg, size_t length, double scale, int *width, int *height,
                    BinhaiPNGSink sink, void *context, char *message, size_t capacity);
#endif
