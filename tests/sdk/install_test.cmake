# The SDK as users get it (issue 5): install the project into a temporary prefix, build the example plugin against
# that prefix with nothing but find_package(AliasingSDK), move the installed tree elsewhere (it must be
# relocatable), and run the *installed* host with the example plugin — no rebuild of the host.
#
#   cmake -DBUILD_DIR=... -DSOURCE_DIR=... -DWORK_DIR=... -DGENERATOR=... -DCXX=... -P install_test.cmake
foreach(var BUILD_DIR SOURCE_DIR WORK_DIR GENERATOR CXX)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "install_test.cmake needs -D${var}=...")
  endif()
endforeach()

function(run)
  cmake_parse_arguments(ARG "" "EXPECT_EXIT;EXPECT_OUTPUT;WHAT" "COMMAND" ${ARGN})
  execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=ALIASING_PLUGIN_PATH ${ARG_COMMAND}
    RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT DEFINED ARG_EXPECT_EXIT)
    set(ARG_EXPECT_EXIT 0)
  endif()
  if(NOT code STREQUAL "${ARG_EXPECT_EXIT}")
    message(FATAL_ERROR "${ARG_WHAT}: expected exit ${ARG_EXPECT_EXIT}, got ${code}\n${ARG_COMMAND}\n${out}${err}")
  endif()
  foreach(regex IN LISTS ARG_EXPECT_OUTPUT)
    if(NOT "${out}${err}" MATCHES "${regex}")
      message(FATAL_ERROR "${ARG_WHAT}: output does not match [${regex}]\n${out}${err}")
    endif()
  endforeach()
  message(STATUS "ok: ${ARG_WHAT}")
endfunction()

set(prefix "${WORK_DIR}/prefix")
set(moved "${WORK_DIR}/moved-install")
set(example_build "${WORK_DIR}/example-build")
set(plugin_dir "${WORK_DIR}/my-plugins")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}" "${plugin_dir}")

run(WHAT "cmake --install into a temporary prefix" COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}")
foreach(file bin/aliasing bin/aliasing-sim lib/aliasing/plugins/aliasing-customer.so lib/aliasing/plugins/aliasing-smr-employee.so
             include/aliasing/abi.h include/aliasing/sdk.hpp include/aliasing/layout.hpp
             lib/cmake/AliasingSDK/AliasingSDKConfig.cmake lib/cmake/AliasingSDK/AliasingSDKConfigVersion.cmake
             lib/cmake/AliasingSDK/AliasingSDKTargets.cmake lib/cmake/AliasingSDK/AliasingSDKPlugin.cmake)
  if(NOT EXISTS "${prefix}/${file}")
    message(FATAL_ERROR "the install lacks ${file}")
  endif()
endforeach()

# Build the example against the prefix only: no package registry, no build tree.
run(WHAT "configure the example with find_package(AliasingSDK)"
  COMMAND ${CMAKE_COMMAND} -S "${SOURCE_DIR}/sdk/examples/inventory" -B "${example_build}" -G "${GENERATOR}"
          "-DCMAKE_CXX_COMPILER=${CXX}" "-DCMAKE_PREFIX_PATH=${prefix}" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
          -DCMAKE_BUILD_TYPE=Release)
file(STRINGS "${example_build}/CMakeCache.txt" sdk_dir REGEX "^AliasingSDK_DIR:")
if(NOT sdk_dir STREQUAL "AliasingSDK_DIR:PATH=${prefix}/lib/cmake/AliasingSDK")
  message(FATAL_ERROR "the example found the SDK outside the install prefix: ${sdk_dir}")
endif()
run(WHAT "build the example plugin" COMMAND ${CMAKE_COMMAND} --build "${example_build}")
file(COPY "${example_build}/aliasing-inventory.so" DESTINATION "${plugin_dir}")

# A wrong major version is not found (SameMajorVersion).
file(WRITE "${WORK_DIR}/wants-2/CMakeLists.txt"
  "cmake_minimum_required(VERSION 3.20)\nproject(wants_2 LANGUAGES NONE)\nfind_package(AliasingSDK 2.0 REQUIRED)\n")
run(WHAT "find_package(AliasingSDK 2.0) refuses the 1.x SDK" EXPECT_EXIT 1 EXPECT_OUTPUT "AliasingSDK"
  COMMAND ${CMAKE_COMMAND} -S "${WORK_DIR}/wants-2" -B "${WORK_DIR}/wants-2/build" "-DCMAKE_PREFIX_PATH=${prefix}")

# Relocatable: move the installed tree; its host still finds its own plugins next to it.
file(RENAME "${prefix}" "${moved}")
run(WHAT "the installed host lists the out-of-tree plugin and its own"
  COMMAND "${moved}/bin/aliasing" plugins --plugin-dir "${plugin_dir}"
  EXPECT_OUTPUT "inventory  compiled  version 1.0.0  ABI 1.1"
                "path:     ${plugin_dir}/aliasing-inventory.so"
                "entities: stock, warehouse"
                "customer  compiled  version 1.0.0  ABI 1.1"
                "path:     ${moved}/lib/aliasing/plugins/aliasing-customer.so")
run(WHAT "the installed host plans with the out-of-tree plugin"
  COMMAND "${moved}/bin/aliasing" plan "${SOURCE_DIR}/sdk/examples/inventory/example/job.json"
          --catalog "${SOURCE_DIR}/sdk/examples/inventory/example/catalog.json"
          --aliases "${SOURCE_DIR}/sdk/examples/inventory/example/aliases.json" --plugin-dir "${plugin_dir}"
  EXPECT_OUTPUT "PROMOTE generation 20261121t020000"
                "inventory-3_1_0-stock-20261121t020000 +2 +3.00 GiB"
                "inventory-3_1_0-tmp-stock-20261121t020000")
file(REMOVE_RECURSE "${WORK_DIR}")
