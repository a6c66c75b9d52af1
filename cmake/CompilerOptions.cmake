# Warning and sanitizer flags shared by every target of the project.
add_library(journeysim_warnings INTERFACE)
target_compile_options(journeysim_warnings INTERFACE -Wall -Wextra -Wpedantic
  -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
if(JOURNEYSIM_WERROR)
  target_compile_options(journeysim_warnings INTERFACE -Werror)
endif()

if(JOURNEYSIM_SANITIZE)
  string(REPLACE "," ";" _sanitizers "${JOURNEYSIM_SANITIZE}")
  foreach(_s IN LISTS _sanitizers)
    add_compile_options(-fsanitize=${_s})
    add_link_options(-fsanitize=${_s})
  endforeach()
  add_compile_options(-fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fno-sanitize-recover=all)
endif()
