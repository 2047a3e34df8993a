# Runs a command and checks its exit code and output (stdout and stderr together).
#   cmake -DCOMMAND="prog|arg|arg" -DEXPECT_EXIT=<code> -DEXPECT_OUTPUT=<regex> -P expect_command.cmake
string(REPLACE "|" ";" command "${COMMAND}")
execute_process(COMMAND ${command} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(all "${out}${err}")
if(NOT code STREQUAL "${EXPECT_EXIT}")
  message(FATAL_ERROR "expected exit ${EXPECT_EXIT}, got ${code}\n--- output ---\n${all}")
endif()
if(NOT all MATCHES "${EXPECT_OUTPUT}")
  message(FATAL_ERROR "output does not match [${EXPECT_OUTPUT}]\n--- output ---\n${all}")
endif()
