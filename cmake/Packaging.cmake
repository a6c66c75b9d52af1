# The Debian package: `cpack -G DEB` in a build tree writes
# journeysim_<version>_<arch>.deb (scripts/package.sh builds one from
# scratch; scripts/package-check.sh checks the one CI builds). Everything
# lands under /usr by the GNU layout: the CLI in bin, the channel plugins in
# lib/journeysim/plugins (where the CLI looks, relative to its own path), the
# plugin SDK in include/journeysim with its CMake package and a pkg-config
# file, the example journeys in share/journeysim/scenarios, and README, docs,
# each channel's model and the out-of-tree plugin example in
# share/doc/journeysim, which keeps the repository's layout so the Markdown
# links between them still resolve.

install(DIRECTORY ${PROJECT_SOURCE_DIR}/scenarios/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/journeysim/scenarios
        FILES_MATCHING PATTERN "*.toml")
install(FILES ${PROJECT_SOURCE_DIR}/README.md
              ${PROJECT_SOURCE_DIR}/packaging/debian/copyright
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs)
# Debian wants a native package's changelog as changelog.gz (gzip -9n: no
# name or time stamp inside, the same bytes every build).
set(changelog ${PROJECT_BINARY_DIR}/packaging/changelog)
add_custom_command(
  OUTPUT ${changelog}.gz
  COMMAND ${CMAKE_COMMAND} -E copy ${PROJECT_SOURCE_DIR}/packaging/debian/changelog ${changelog}
  COMMAND gzip -9nf ${changelog}
  DEPENDS ${PROJECT_SOURCE_DIR}/packaging/debian/changelog
  VERBATIM)
add_custom_target(journeysim_changelog ALL DEPENDS ${changelog}.gz)
install(FILES ${changelog}.gz DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/examples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME journeysim)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# The Debian synopsis: lower case, no full stop, under 80 characters.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "simulate customer journeys before they go live")
# Debian's extended description: paragraphs separated by " ." lines (CPack
# indents each line by one space).
set(CPACK_PACKAGE_DESCRIPTION
"journeysim tests a customer journey before it goes live. A journey
(stages, touchpoints, the channels behind them, the steps journey builders
use: waits, splits, experiments, exits) and its customers (personas) are
described in TOML; synthetic customers walk through it, and channel plugins
decide what each does at each touchpoint.
.
Out comes the journey map filled with numbers - where customers are lost and
why, effort, emotion, conversion, time to convert, CSAT, CES, NPS, revenue -
per stage, touchpoint and persona, each with a 95% interval; what-if
variants compared on the same customers; thresholds that gate CI.
.
This package holds the journeysim command, the channel plugins that ship
with it, example journeys, the documentation and the plugin SDK (headers,
CMake package, pkg-config file) for writing channels out of tree.")
set(JOURNEYSIM_PACKAGE_MAINTAINER
    "journeysim maintainers <maintainers@users.noreply.h-seed-ae9bd42d.example>"
    CACHE STRING "Maintainer field of the Debian package")
set(CPACK_PACKAGE_CONTACT "${JOURNEYSIM_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${JOURNEYSIM_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # journeysim_0.1.0_amd64.deb
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# Depends is computed by dpkg-shlibdeps (dpkg-dev) from the libraries the
# executable and the plugins link: Boost.Filesystem, TOML++, the C++
# runtime and, when built with it, Open MPI.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
if(JOURNEYSIM_MPI)
  set(CPACK_DEBIAN_PACKAGE_SUGGESTS "openmpi-bin")  # mpirun (docs/mpi.md)
endif()
# A RelWithDebInfo tree (CI's) packages the same small binaries as a Release
# one; directories and files get the modes Debian expects.
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_PACKAGE_CHECKSUM SHA256)
include(CPack)
