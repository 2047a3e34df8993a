# aliasing_add_plugin(<target> NAME <data_source> SOURCES <file>... [OUTPUT_DIRECTORY <dir>])
#
# Builds a data-source plugin: a MODULE library named aliasing-<data_source>.so that links AliasingSDK::sdk and
# exports only the entry point (hidden visibility). Used by the built-in plugins and by out-of-tree plugins
# (it is installed with the SDK package and included by AliasingSDKConfig.cmake).
function(aliasing_add_plugin target)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "NAME;OUTPUT_DIRECTORY" "SOURCES")
  if(NOT ARG_NAME OR NOT ARG_SOURCES)
    message(FATAL_ERROR "aliasing_add_plugin(${target}): NAME and SOURCES are required")
  endif()
  add_library(${target} MODULE ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE AliasingSDK::sdk)
  target_compile_features(${target} PRIVATE cxx_std_20)
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    OUTPUT_NAME "aliasing-${ARG_NAME}"
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  if(ARG_OUTPUT_DIRECTORY)
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${ARG_OUTPUT_DIRECTORY}")
  endif()
endfunction()
