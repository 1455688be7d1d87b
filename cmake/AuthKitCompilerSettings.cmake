# Warnings and the sanitizer build, applied to every target of the project through one
# interface target, so third-party code that links us is not affected.
add_library(authkit_compiler_settings INTERFACE)
add_library(AuthKitQt::CompilerSettings ALIAS authkit_compiler_settings)

target_compile_options(authkit_compiler_settings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
    -Wcast-align -Wunused -Woverloaded-virtual -Wformat=2
    $<$<BOOL:${AUTHKIT_WERROR}>:-Werror>)
target_compile_definitions(authkit_compiler_settings INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_URL_CAST_FROM_STRING QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH QT_STRICT_ITERATORS)

if(AUTHKIT_SANITIZE)
    target_compile_options(authkit_compiler_settings INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(authkit_compiler_settings INTERFACE -fsanitize=address,undefined)
endif()

# The sanitizers' run-time options for one test; nothing without AUTHKIT_SANITIZE. Every
# exception and its reason: tests/sanitizers/README.md. They are appended to the caller's options
# (the later of two wins) through ENVIRONMENT_MODIFICATION, so that a suite which sets its own
# ENVIRONMENT keeps them.
# Usage: authkit_sanitizer_test_environment(<test> LABELS <labels...>)
function(authkit_sanitizer_test_environment test)
    if(NOT AUTHKIT_SANITIZE)
        return()
    endif()
    cmake_parse_arguments(ARG "" "" "LABELS" ${ARGN})
    if(NOT "webengine" IN_LIST ARG_LABELS)
        return()
    endif()
    # Only the suites that load Qt WebEngine: when a page is destroyed, Chromium code inside
    # libQt6WebEngineCore deletes an 88-byte object as a 24-byte type (new-delete-type-mismatch).
    # GCC 12's libasan cannot suppress that report by a suppressions file, only turn the check
    # off for a whole process; every other check stays on. Chromium's leaks: lsan-webengine.supp.
    set_tests_properties(${test} PROPERTIES ENVIRONMENT_MODIFICATION
        "ASAN_OPTIONS=string_append::new_delete_type_mismatch=0;LSAN_OPTIONS=string_append::suppressions=${PROJECT_SOURCE_DIR}/tests/sanitizers/lsan-webengine.supp")
endfunction()
