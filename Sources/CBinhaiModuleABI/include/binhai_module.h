// The C ABI between the `binhai` host and an external scenario module (plugin), docs/MODULES.md.
//
// Only C types and bytes cross the library boundary: Swift has no stable ABI on Linux, and a
// Swift protocol type linked into both the host and the plugin is two different types. A plugin
// library exports one C function, `binhai_module_entry_v1`, that returns a pointer to a
// `binhai_module_v1` table of C function pointers. Everything else travels as UTF-8 JSON
// (descriptor, parameters, context, engine inputs, result tables, errors) plus one raw buffer of
// doubles for the engine's per-draw tables.
//
// Module authors never write this glue: `ScenarioKitPlugin.PluginExport.entry(for:)` fills the
// table for a `ScenarioModule` type. The host's `PluginHost.PluginLoader` checks
// `abi_version`, `struct_size` and `swift_version` before calling anything else.
//
// Versioning: any change to this struct's layout or to the JSON shapes bumps
// BINHAI_MODULE_ABI_VERSION and the entry symbol's suffix (`_v2`, …).
#ifndef BINHAI_MODULE_H
#define BINHAI_MODULE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define BINHAI_MODULE_ABI_VERSION 1
#define BINHAI_MODULE_ENTRY_SYMBOL "binhai_module_entry_v1"

/// The function table a plugin returns. All returned strings are NUL-terminated UTF-8 allocated
/// by the plugin and released by the host with `free_string`. A function that fails returns NULL
/// and stores a JSON error `{"module":…, "kind":"module"|"parameter"|"other", "key_path":…,
/// "message":…, "is_about_key":…}` in `*error` (also released with `free_string`).
typedef struct binhai_module_v1 {
    /// BINHAI_MODULE_ABI_VERSION of the header the plugin was built with. First field, so that a
    /// host can read it whatever the rest of the layout.
    uint32_t abi_version;
    /// sizeof(binhai_module_v1) in the plugin.
    uint32_t struct_size;
    /// The Swift compiler the plugin was built with, e.g. "swift-6.3 x86_64-linux".
    char *(*swift_version)(void);
    /// The module's descriptor as JSON (the shape of `binhai modules describe ID --format json`).
    char *(*descriptor_json)(void);
    /// Build the module from validated parameters (`{"name": value, …}`) and the scenario context.
    /// Returns an opaque handle (release it with `destroy`), or NULL and `*error`.
    void *(*create)(const char *parameters_json, const char *context_json, char **error);
    /// The prepare phase: engine inputs JSON in, changed engine inputs JSON out.
    char *(*prepare)(void *handle, const char *inputs_json, char **error);
    /// The analyze phase: engine outputs JSON (draw tables as offsets into `values`) plus the raw
    /// buffer of `count` doubles; returns the result set JSON (tables).
    char *(*analyze)(void *handle, const char *outputs_json, const double *values, size_t count, char **error);
    /// Release a handle from `create`.
    void (*destroy)(void *handle);
    /// Release a string returned by any function above.
    void (*free_string)(char *string);
} binhai_module_v1;

/// The type of the exported entry symbol `binhai_module_entry_v1`.
typedef const binhai_module_v1 *(*binhai_module_entry_v1_fn)(void);

/// BINHAI_MODULE_ABI_VERSION for Swift (macros with values are imported, this keeps it explicit).
static inline uint32_t binhai_module_abi_version(void) { return BINHAI_MODULE_ABI_VERSION; }

#ifdef __cplusplus
}
#endif

#endif
