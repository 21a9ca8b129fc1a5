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
# The entries of list `from` that `other` lacks, in `out`.
function(entries_not_in from other out)
    set(result)
    foreach(entry IN LISTS ${from})
        if(NOT entry IN_LIST ${other})
            list(APPEND result ${entry})
        endif()
    endforeach()
    set(${out} ${result} PARENT_SCOPE)
endfunction()
entries_not_in(expected installed missing)
entries_not_in(installed expected extra)
if(missing OR extra)
    list(JOIN missing "\n  " missing)
    list(JOIN extra "\n  " extra)
    message(FATAL_ERROR "The installed files differ from ${EXPECTED}.\nMissing:\n  ${missing}\nExtra:\n  ${extra}")
endif()
list(LENGTH installed count)
message(STATUS "${count} files installed into ${DESTDIR}, as ${EXPECTED} lists")
