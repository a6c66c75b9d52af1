# Writes OUTPUT (a gzipped man page, journeysim.1.gz) from TEMPLATE and the
# built EXE's own help: `--help` names the commands, `<command> --help`
# gives each one's options, so the page cannot drift from the CLI. Run at
# build time (tools/CMakeLists.txt). The other @VARS@ of the template come
# in as -D definitions (VERSION, BINDIR, DATADIR, DOCDIR, INCLUDEDIR,
# PLUGIN_DIR).

# The help of `EXE args...` in `out`, invoked as plain `journeysim`.
function(journeysim_help out)
  execute_process(COMMAND "${EXE}" ${ARGN} OUTPUT_VARIABLE text RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${EXE} ${ARGN} exited with ${status}")
  endif()
  string(REPLACE "Usage: ${EXE}" "Usage: journeysim" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# `text` as roff that prints it verbatim: backslashes and hyphens escaped
# (a bare - may render as a typographic hyphen, breaking copied options), a
# line starting with . or ' made literal.
function(roff_literal out text)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REPLACE "-" "\\-" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

journeysim_help(top --help)
string(FIND "${top}" "\nSubcommands:\n" at)
if(at EQUAL -1)
  message(FATAL_ERROR "${EXE} --help lists no Subcommands:")
endif()
string(SUBSTRING "${top}" ${at} -1 listing)
string(REGEX MATCHALL "\n  [a-z][a-z-]* " names "${listing}")
set(COMMANDS "")
foreach(name IN LISTS names)
  string(STRIP "${name}" name)
  journeysim_help(help ${name} --help)
  roff_literal(help "${help}")
  string(APPEND COMMANDS ".SS ${name}\n.nf\n${help}.fi\n")
endforeach()
if(COMMANDS STREQUAL "")
  message(FATAL_ERROR "no commands found in ${EXE} --help")
endif()

configure_file("${TEMPLATE}" "${OUTPUT}.page" @ONLY)
execute_process(COMMAND gzip -9nc "${OUTPUT}.page" OUTPUT_FILE "${OUTPUT}.tmp"
                RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "gzip failed on ${OUTPUT}.page")
endif()
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
