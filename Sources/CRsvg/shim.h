// librsvg (Debian's librsvg2-dev) and cairo: SVG charts rasterised to PNG for the Word briefing.
#ifndef BINHAISIM_CRSVG_SHIM_H
#define BINHAISIM_CRSVG_SHIM_H
#include <librsvg/rsvg.h>
#include <cairo.h>
#endif
