# Warning flags shared by every pressclip target (an interface target to link privately).
add_library(pressclip_warnings INTERFACE)
target_compile_options(pressclip_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow
  -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual)
if(PRESSCLIP_WERROR)
  target_compile_options(pressclip_warnings INTERFACE -Werror)
endif()
