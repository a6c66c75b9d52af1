# journeysim_add_channel(<name> SOURCES <src...> [TESTS <test-src...>])
#
# Builds one channel plugin as a shared library (MODULE) named
# libjourneysim_<name>.so in the build's plugin directory, with hidden
# visibility so only the entry point is exported. Its sources are compiled
# once into an object library so the channel's own unit tests can call the
# descriptor directly, without going through dlopen
# (plugins/testing/journeysim/channel_harness.h). A channel sees the
# plugin SDK (journeysim::sdk) and nothing of the host.
function(journeysim_add_channel name)
  cmake_parse_arguments(ARG "" "" "SOURCES;TESTS" ${ARGN})
  set(obj journeysim_${name}_objects)
  add_library(${obj} OBJECT ${ARG_SOURCES})
  target_link_libraries(${obj} PUBLIC journeysim::sdk PRIVATE journeysim_warnings)
  set_target_properties(${obj} PROPERTIES
    POSITION_INDEPENDENT_CODE ON
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)

  set(plugin journeysim_${name})
  add_library(${plugin} MODULE $<TARGET_OBJECTS:${obj}>)
  set_target_properties(${plugin} PROPERTIES
    LIBRARY_OUTPUT_DIRECTORY ${JOURNEYSIM_PLUGIN_OUTPUT_DIR})
  target_link_options(${plugin} PRIVATE ${JOURNEYSIM_PLUGIN_LINK_OPTIONS})
  install(TARGETS ${plugin} LIBRARY DESTINATION ${JOURNEYSIM_INSTALL_PLUGIN_DIR})
  # The behavioural model a user argues with ships beside the docs that
  # link to it (plugins/<name>/README.md, as in the repository).
  install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR}/plugins/${name})
  set_property(GLOBAL APPEND PROPERTY JOURNEYSIM_CHANNELS ${plugin})

  if(ARG_TESTS AND JOURNEYSIM_BUILD_TESTS)
    set(test ${name}_channel_test)
    add_executable(${test} ${ARG_TESTS})
    target_link_libraries(${test} PRIVATE ${obj} journeysim::channel_harness
      journeysim_warnings GTest::gtest GTest::gtest_main)
    journeysim_discover_tests(${test})
  endif()
endfunction()
