# Installs the build into DESTDIR under PREFIX, as a package does, and compares the files installed with the list
# in EXPECTED (one path a line, relative to DESTDIR; # starts a comment): a file missing or extra fails.
#   cmake -DBUILD_DIR=build -DDESTDIR=/tmp/destdir -DPREFIX=/usr -DEXPECTED=tests/install/installed-files.txt \
#         -P tests/install/Install.cmake
cmake_minimum_required(VERSION 3.25)
foreach(variable BUILD_DIR DESTDIR PREFIX EXPECTED)
    if(NOT ${variable})
        message(FATAL_ERROR "${variable} is not set")
    endif()
endforeach()

file(REMOVE_RECURSE "${DESTDIR}")
execute_process(COMMAND "${CMAKE_COMMAND}" -E env "DESTDIR=${DESTDIR}"
                        "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "cmake --install failed (${result}):\n${output}")
endif()

file(GLOB_RECURSE installed LIST_DIRECTORIES false RELATIVE "${DESTDIR}" "${DESTDIR}/*")
file(STRINGS "${EXPECTED}" expected REGEX "^[^#]")
list(SORT installed)
list(SORT expected)
set(missing)
foreach(file IN LISTS expected)
    if(NOT file IN_LIST installed)
        list(APPEND missing ${file})
    endif()
endforeach()
set(extra)
foreach(file IN LISTS installed)
    if(NOT file IN_LIST expected)
        list(APPEND extra ${file})
    endif()
endforeach()
if(missing OR extra)
    list(JOIN missing "\n  " missing)
    list(JOIN extra "\n  " extra)
    message(FATAL_ERROR "The installed files differ from ${EXPECTED}.\nMissing:\n  ${missing}\nExtra:\n  ${extra}")
endif()
list(LENGTH installed count)
message(STATUS "${count} files installed into ${DESTDIR}, as ${EXPECTED} lists")
