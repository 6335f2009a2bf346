#include "CRsvg.h"
#include <dlfcn.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

// The parts of the GLib, librsvg and cairo ABIs used (stable C ABIs: GError is
// { GQuark domain; gint code; gchar *message; }, RsvgRectangle four doubles, CAIRO_FORMAT_ARGB32 = 0,
// CAIRO_STATUS_SUCCESS = 0).
typedef struct { uint32_t domain; int code; char *message; } GErrorABI;
typedef struct { double x, y, width, height; } RsvgRectangleABI;

static struct {
    void *(*handle_new_from_data)(const unsigned char *, size_t, GErrorABI **);
    int (*get_intrinsic_size_in_pixels)(void *, double *, double *);
    int (*render_document)(void *, void *, const RsvgRectangleABI *, GErrorABI **);
    void (*object_unref)(void *);
    void (*error_free)(GErrorABI *);
    void *(*image_surface_create)(int, int, int);
    int (*surface_status)(void *);
    void (*surface_destroy)(void *);
    void *(*create)(void *);
    int (*status)(void *);
    void (*destroy)(void *);
    void (*set_source_rgb)(void *, double, double, double);
    void (*paint)(void *);
    void (*surface_flush)(void *);
    int (*write_to_png_stream)(void *, BinhaiPNGSink, void *);
} api;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static const char *failure = NULL;
static char failureText[512];

static void *symbol(void *library, const char *name) {
    void *s = dlsym(library, name);
    if (!s && !failure) {
        snprintf(failureText, sizeof failureText, "librsvg or cairo lacks %s (librsvg 2.52 or later is needed)", name);
        failure = failureText;
    }
    return s;
}

static void load(void) {
    // Never closed: the libraries stay for the life of the process.
    void *rsvg = dlopen("librsvg-2.so.2", RTLD_NOW | RTLD_LOCAL);
    void *cairo = dlopen("libcairo.so.2", RTLD_NOW | RTLD_LOCAL);
    void *gobject = dlopen("libgobject-2.0.so.0", RTLD_NOW | RTLD_LOCAL);
    void *glib = dlopen("libglib-2.0.so.0", RTLD_NOW | RTLD_LOCAL);
    if (!rsvg || !cairo || !gobject || !glib) {
        snprintf(failureText, sizeof failureText,
                 "librsvg is not installed (%s); install it with: sudo apt-get install librsvg2-2", dlerror());
        failure = failureText;
        return;
    }
    api.handle_new_from_data = symbol(rsvg, "rsvg_handle_new_from_data");
    api.get_intrinsic_size_in_pixels = symbol(rsvg, "rsvg_handle_get_intrinsic_size_in_pixels");
    api.render_document = symbol(rsvg, "rsvg_handle_render_document");
    api.object_unref = symbol(gobject, "g_object_unref");
    api.error_free = symbol(glib, "g_error_free");
    api.image_surface_create = symbol(cairo, "cairo_image_surface_create");
    api.surface_status = symbol(cairo, "cairo_surface_status");
    api.surface_destroy = symbol(cairo, "cairo_surface_destroy");
    api.create = symbol(cairo, "cairo_create");
    api.status = symbol(cairo, "cairo_status");
    api.destroy = symbol(cairo, "cairo_destroy");
    api.set_source_rgb = symbol(cairo, "cairo_set_source_rgb");
    api.paint = symbol(cairo, "cairo_paint");
    api.surface_flush = symbol(cairo, "cairo_surface_flush");
    api.write_to_png_stream = symbol(cairo, "cairo_surface_write_to_png_stream");
}

const char *binhai_rsvg_load(void) {
    pthread_once(&once, load);
    return failure;
}

static int fail(char *message, size_t capacity, int code, const char *what, GErrorABI *error, const char *fallback) {
    if (capacity > 0) snprintf(message, capacity, "%s: %s", what, error && error->message ? error->message : fallback);
    if (error) api.error_free(error);
    return code;
}

int binhai_rsvg_png(const char *svg, size_t length, double scale, int *width, int *height,
                    BinhaiPNGSink sink, void *context, char *message, size_t capacity) {
    const char *missing = binhai_rsvg_load();
    if (missing) {
        if (capacity > 0) snprintf(message, capacity, "%s", missing);
        return 1;
    }
    GErrorABI *error = NULL;
    void *handle = api.handle_new_from_data((const unsigned char *)svg, length, &error);
    if (!handle) return fail(message, capacity, 2, "librsvg could not read the SVG", error, "unknown error");
    double w = 0, h = 0;
    if (!api.get_intrinsic_size_in_pixels(handle, &w, &h) || !(w > 0 && h > 0)) {
        api.object_unref(handle);
        return fail(message, capacity, 3, "the SVG has no size in pixels", NULL, "width and height in px are needed");
    }
    double sw = ceil(w * scale), sh = ceil(h * scale);
    if (!(sw >= 1 && sh >= 1 && sw <= 32767 && sh <= 32767)) {
        api.object_unref(handle);
        return fail(message, capacity, 4, "cairo could not make the image", NULL, "its size is out of range (at most 32767 pixels a side)");
    }
    int pw = (int)sw, ph = (int)sh;
    void *surface = api.image_surface_create(0, pw, ph);
    if (!surface || api.surface_status(surface) != 0) {
        if (surface) api.surface_destroy(surface);
        api.object_unref(handle);
        if (capacity > 0) snprintf(message, capacity, "cairo could not make a %d×%d image", pw, ph);
        return 4;
    }
    void *cr = api.create(surface);
    int code = 0;
    if (!cr || api.status(cr) != 0) {
        code = fail(message, capacity, 4, "cairo could not draw", NULL, "no drawing context");
    } else {
        api.set_source_rgb(cr, 1, 1, 1);
        api.paint(cr);
        RsvgRectangleABI viewport = {0, 0, (double)pw, (double)ph};
        if (!api.render_document(handle, cr, &viewport, &error)) {
            code = fail(message, capacity, 5, "librsvg could not draw the SVG", error, "unknown error");
        } else {
            api.surface_flush(surface);
            int status = api.write_to_png_stream(surface, sink, context);
            if (status != 0) {
                if (capacity > 0) snprintf(message, capacity, "cairo could not write the PNG (status %d)", status);
                code = 6;
            }
        }
    }
    if (cr) api.destroy(cr);
    api.surface_destroy(surface);
    api.object_unref(handle);
    if (code == 0) { *width = pw; *height = ph; }
    return code;
}
