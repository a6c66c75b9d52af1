# cmake -DNM=<nm> -DLIBRARY=<file.so> -DEXPECTED=<symbol> [-DIGNORE=<regex>]
#       -P check_exports.cmake
# Fails unless the library's dynamic symbol table defines exactly EXPECTED,
# leaving out the symbols IGNORE matches (a sanitizer's own, see CMakeLists).
execute_process(COMMAND ${NM} -D --defined-only ${LIBRARY}
  OUTPUT_VARIABLE listing RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${NM} failed on ${LIBRARY}")
endif()
string(REGEX MATCHALL "[^\n]+" lines "${listing}")
set(exported "")
foreach(line IN LISTS lines)
  # "<address> <type> <name>"; keep the name.
  string(REGEX REPLACE "^[0-9a-fA-F]* *[A-Za-z] +" "" symbol "${line}")
  if(IGNORE AND symbol MATCHES "${IGNORE}")
    continue()
  endif()
  list(APPEND exported ${symbol})
endforeach()
if(NOT exported STREQUAL EXPECTED)
  message(FATAL_ERROR "${LIBRARY} exports [${exported}], expected only "
                      "[${EXPECTED}]")
endif()
