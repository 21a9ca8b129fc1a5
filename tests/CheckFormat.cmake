# The formatting check, run by CTest: every C++ source the repository owns must be as clang-format (with the
# repository's .clang-format) writes it. Files are listed when the test runs, so a new file is checked at once.
# Run it by hand: cmake -DSOURCE_DIR=. -DCLANG_FORMAT=clang-format -P tests/CheckFormat.cmake
set(files)
foreach(dir app models ui tests)
    file(GLOB_RECURSE found "${SOURCE_DIR}/${dir}/*.cpp" "${SOURCE_DIR}/${dir}/*.h")
    list(APPEND files ${found})
endforeach()
list(FILTER files EXCLUDE REGEX "/tests/data/")
list(LENGTH files count)
if(count LESS 50)
    message(FATAL_ERROR "Only ${count} sources found under ${SOURCE_DIR}: is SOURCE_DIR right?")
endif()
execute_process(COMMAND "${CLANG_FORMAT}" --dry-run --Werror ${files}
                WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE result ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "Not formatted (fix with clang-format -i FILE):\n${errors}")
endif()
message(STATUS "${count} sources formatted as .clang-format says")
