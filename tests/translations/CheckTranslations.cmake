# Checks one translation against the sources as they are now (CTest: translations_complete_<language>):
# lupdate brings a copy of the .ts file up to date, and then
#   - lupdate must have warned about nothing (a tr() it cannot place in a context would never be translated);
#   - no message may be unfinished (new or changed in the sources and not translated yet);
#   - lrelease must compile it.
# Arguments: -DLUPDATE= -DLRELEASE= -DTS= (the .ts file) -DSOURCES_LIST= (a file listing the sources, one per line,
# and include directories as -I lines) -DWORK= (a scratch folder) [-DPLURAL_ONLY=ON for the English plural forms].
foreach(variable LUPDATE LRELEASE TS SOURCES_LIST WORK)
    if(NOT DEFINED ${variable})
        message(FATAL_ERROR "CheckTranslations.cmake needs -D${variable}=")
    endif()
endforeach()

get_filename_component(name "${TS}" NAME)
file(MAKE_DIRECTORY "${WORK}")
set(copy "${WORK}/${name}")
file(COPY_FILE "${TS}" "${copy}")
set(options -no-obsolete -locations none)
if(PLURAL_ONLY)
    list(APPEND options -pluralonly)
endif()
execute_process(COMMAND "${LUPDATE}" ${options} "@${SOURCES_LIST}" -ts "${copy}"
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${status}):\n${out}${err}")
endif()
# lupdate's warnings name a source file and line: "/path/File.cpp:44: Qualifying with unknown namespace/class ..."
string(REGEX MATCHALL "[^\n]*\\.(cpp|h):[0-9]+: [^\n]*" warnings "${out}\n${err}")
if(warnings)
    list(JOIN warnings "\n" text)
    message(FATAL_ERROR "lupdate could not place these strings (they would never be translated):\n${text}")
endif()

file(READ "${copy}" ts)
string(REGEX MATCHALL "<message( numerus=\"yes\")?>[^<]*<source>[^<]*</source>[^<]*<translation type=\"unfinished\""
       unfinished "${ts}")
list(LENGTH unfinished count)
string(FIND "${ts}" "type=\"unfinished\"" any)
if(count GREATER 0 OR NOT any EQUAL -1)
    set(sources "")
    foreach(message IN LISTS unfinished)
        string(REGEX REPLACE ".*<source>([^<]*)</source>.*" "\\1" source "${message}")
        string(APPEND sources "\n  ${source}")
    endforeach()
    message(FATAL_ERROR "${count} message(s) of ${name} are not translated; run "
                        "`cmake --build build --target update_translations` and translate them:${sources}")
endif()

execute_process(COMMAND "${LRELEASE}" "${copy}" -qm "${WORK}/${name}.qm"
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE status)
if(NOT status EQUAL 0 OR NOT EXISTS "${WORK}/${name}.qm")
    message(FATAL_ERROR "lrelease failed (${status}):\n${out}${err}")
endif()
message(STATUS "${name}: every message translated\n${out}")
