# The sanitizer build's reports (see tests/CMakeLists.txt): every sanitized process of a test run, the test
# binaries and the kube-sim and sa-admin processes they start, writes its ASan, UBSan and LSan reports into
# REPORTS_DIR. kube-sim's stderr is not read by the tests, and a leak found as kube-sim exits only changes an
# exit code nobody checks, so the reports are collected here instead.
#   cmake -DREPORTS_DIR=... -DMODE=clear -P Reports.cmake   before the tests: start with no reports
#   cmake -DREPORTS_DIR=... -DMODE=check -P Reports.cmake   after them: print every report and fail if any
if(MODE STREQUAL "clear")
    file(REMOVE_RECURSE "${REPORTS_DIR}")
    file(MAKE_DIRECTORY "${REPORTS_DIR}")
elseif(MODE STREQUAL "check")
    file(GLOB reports "${REPORTS_DIR}/*")
    if(reports)
        foreach(report IN LISTS reports)
            file(READ "${report}" text)
            message("==== ${report}\n${text}")
        endforeach()
        list(LENGTH reports count)
        message(FATAL_ERROR "${count} sanitizer report(s) in ${REPORTS_DIR}")
    endif()
    message("No sanitizer reports.")
else()
    message(FATAL_ERROR "MODE must be clear or check")
endif()
