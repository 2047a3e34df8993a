# Interface targets every project target links: warnings on and clean, sanitizers on request.
add_library(aliasing_standard_warnings INTERFACE)
target_compile_options(aliasing_standard_warnings INTERFACE -Wall -Wextra -Wpedantic)

add_library(aliasing_standard_settings INTERFACE)
if(ALIASING_SANITIZE)
  target_compile_options(aliasing_standard_settings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
  target_link_options(aliasing_standard_settings INTERFACE -fsanitize=address,undefined)
endif()
