// The system's zlib, which Swift on Linux already depends on and macOS ships.
#include <zlib.h>
