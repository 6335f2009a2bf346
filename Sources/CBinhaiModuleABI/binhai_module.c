// Header-only C target: the plugin ABI (include/binhai_module.h). SwiftPM needs one source file.
#include "binhai_module.h"
