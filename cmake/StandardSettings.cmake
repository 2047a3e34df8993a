# Interface targets every project target links: warnings on and clean, sanitizers on request.
add_library(aliasing_standard_warnings INTERFACE)
target_compile_options(aliasing_standard_warnings INTERFACE -Wall -Wextra -Wpedantic)

add_library(aliasing_standard_settings INTERFACE)
# Undefined behaviour stops the program (-fno-sanitize-recover), so a test or fuzz run cannot pass over it.
if(ALIASING_SANITIZE OR ALIASING_FUZZ)
  target_compile_options(aliasing_standard_settings INTERFACE -fsanitize=address,undefined
    -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(aliasing_standard_settings INTERFACE -fsanitize=address,undefined)
endif()
if(ALIASING_FUZZ)
  # Coverage for libFuzzer in every library; only the fuzz targets link its main (-fsanitize=fuzzer).
  target_compile_options(aliasing_standard_settings INTERFACE -fsanitize=fuzzer-no-link)
endif()
if(ALIASING_TSAN)
  if(ALIASING_SANITIZE OR ALIASING_FUZZ)
    message(FATAL_ERROR "ALIASING_TSAN cannot be combined with ALIASING_SANITIZE or ALIASING_FUZZ")
  endif()
  target_compile_options(aliasing_standard_settings INTERFACE -fsanitize=thread -fno-omit-frame-pointer)
  target_link_options(aliasing_standard_settings INTERFACE -fsanitize=thread)
endif()
