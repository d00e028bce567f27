// Symbol visibility for the public API: only what is marked PRESSCLIP_EXPORT is exported.
#pragma once

#if defined(PRESSCLIP_BUILDING_LIBRARY)
#define PRESSCLIP_EXPORT __attribute__((visibility("default")))
#else
#define PRESSCLIP_EXPORT
#endif
