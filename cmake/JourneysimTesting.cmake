# journeysim_discover_tests(<target> [LABELS <label>...]
#                           [STATISTICAL <gtest-filter>] [SLOW <gtest-filter>]
#                           [TIMEOUT <seconds>])
#
# Registers a GoogleTest executable's tests with CTest, each with a timeout
# and labels (scripts/test.sh chooses passes by label):
#   statistical  studies that repeat whole runs many times (interval coverage,
#                distributions): numbers, not memory or threads
#   browser      drives headless Chromium
#   slow         takes long enough to be worth naming
#   mpi          runs under mpirun
# LABELS apply to every test of the target; STATISTICAL and SLOW name some of
# its tests by a GoogleTest filter (`Suite.Name:Suite.Other*`). A test outside
# those filters gets only LABELS.
set(JOURNEYSIM_TEST_TIMEOUT 300 CACHE STRING
    "Seconds any one test may take (labelled statistical or slow: three times this)")

function(journeysim_discover_tests target)
  cmake_parse_arguments(ARG "" "STATISTICAL;SLOW;TIMEOUT" "LABELS" ${ARGN})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT ${JOURNEYSIM_TEST_TIMEOUT})
  endif()
  math(EXPR long_timeout "${ARG_TIMEOUT} * 3")
  set(rest "")
  foreach(kind STATISTICAL SLOW)
    if(ARG_${kind})
      string(TOLOWER ${kind} label)
      gtest_discover_tests(${target} DISCOVERY_TIMEOUT 60 TEST_FILTER "${ARG_${kind}}"
        WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}
        TEST_LIST ${target}_${label}_tests
        PROPERTIES TIMEOUT ${long_timeout} LABELS "${label};${ARG_LABELS}")
      string(APPEND rest ":${ARG_${kind}}")
    endif()
  endforeach()
  set(filter "*")
  if(rest)
    set(filter "-${rest}")
    string(REPLACE "-:" "-" filter "${filter}")
  endif()
  set(properties TIMEOUT ${ARG_TIMEOUT})
  if(ARG_LABELS)
    list(APPEND properties LABELS "${ARG_LABELS}")
  endif()
  gtest_discover_tests(${target} DISCOVERY_TIMEOUT 60 TEST_FILTER "${filter}"
    WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}
    PROPERTIES ${properties})
endfunction()
