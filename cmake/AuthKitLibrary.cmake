include(GenerateExportHeader)

# authkit_add_library(<target> NAME <ExportName> [STATIC] SOURCES ... [PUBLIC ...] [PRIVATE ...]
#                     [OMIT_HEADERS <file names>])
#
# One layer of the library, the same way every time: a Qt library with the alias
# AuthKitQt::<ExportName>, public headers in include/, private ones in src/, the project's
# warnings (not exported).
#
# By default the layer is a shared library that is part of the product: SONAME and VERSION from
# the project version, only what is marked with its export macro is visible, and it is installed
# and exported into the AuthKitQt CMake package. STATIC is for internal layers (the emulator):
# built into the programs and tests of this tree, never installed.
#
# The export header is generated from NAME, so every new layer gets its macros without any
# further code: NAME ConvexProtocol gives <authkitqt/<dir>/authkitqt_convexprotocol_export.h>
# with AUTHKITQT_CONVEXPROTOCOL_EXPORT for the public API and AUTHKITQT_CONVEXPROTOCOL_PRIVATE_EXPORT
# for the private (_p.h) classes the tests use (the same idea as Qt's Q_CORE_PRIVATE_EXPORT).
# <dir> is the layer's one folder under include/authkitqt/ (lower-case NAME if it has none).
# OMIT_HEADERS names public headers of include/ that are not installed (a part left out by an
# AUTHKIT_* option).
function(authkit_add_library target)
    cmake_parse_arguments(ARG "STATIC" "NAME" "SOURCES;PUBLIC;PRIVATE;OMIT_HEADERS" ${ARGN})
    if(ARG_STATIC)
        set(kind STATIC)
    else()
        set(kind SHARED)
    endif()
    qt_add_library(${target} ${kind} ${ARG_SOURCES})
    add_library(AuthKitQt::${ARG_NAME} ALIAS ${target})
    set_target_properties(${target} PROPERTIES EXPORT_NAME ${ARG_NAME})

    string(TOLOWER "${ARG_NAME}" name_lower)
    string(TOUPPER "${ARG_NAME}" name_upper)
    file(GLOB include_dirs LIST_DIRECTORIES true RELATIVE "${CMAKE_CURRENT_SOURCE_DIR}/include/authkitqt"
        "${CMAKE_CURRENT_SOURCE_DIR}/include/authkitqt/*")
    list(LENGTH include_dirs include_dir_count)
    if(include_dir_count EQUAL 1)
        set(header_dir "${include_dirs}")
    else()
        set(header_dir "${name_lower}")
    endif()
    set(generated_include "${CMAKE_CURRENT_BINARY_DIR}/${target}_include")
    set(export_header "${generated_include}/authkitqt/${header_dir}/authkitqt_${name_lower}_export.h")
    set(private_export_content
        "\n/* For the private (_p.h) classes that the tests of AuthKitQt use: exported, but no API. */\n#define AUTHKITQT_${name_upper}_PRIVATE_EXPORT AUTHKITQT_${name_upper}_EXPORT\n")
    generate_export_header(${target}
        BASE_NAME AUTHKITQT_${name_upper}
        EXPORT_MACRO_NAME AUTHKITQT_${name_upper}_EXPORT
        EXPORT_FILE_NAME "${export_header}"
        CUSTOM_CONTENT_FROM_VARIABLE private_export_content)
    set_property(GLOBAL APPEND PROPERTY AUTHKIT_EXPORT_MACROS
        AUTHKITQT_${name_upper}_EXPORT AUTHKITQT_${name_upper}_PRIVATE_EXPORT)
    if(ARG_STATIC)
        # Linked into the programs directly: nothing to export, the macros expand to nothing.
        target_compile_definitions(${target} PUBLIC AUTHKITQT_${name_upper}_STATIC_DEFINE)
    endif()
    set_target_properties(${target} PROPERTIES
        CXX_VISIBILITY_PRESET hidden
        VISIBILITY_INLINES_HIDDEN ON)

    target_include_directories(${target}
        PUBLIC
            $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include>
            $<BUILD_INTERFACE:${generated_include}>
            $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>
        PRIVATE src)
    target_link_libraries(${target}
        PUBLIC ${ARG_PUBLIC}
        PRIVATE ${ARG_PRIVATE} $<BUILD_INTERFACE:authkit_compiler_settings>)
    target_compile_definitions(${target} PRIVATE AUTHKITQT_VERSION="${PROJECT_VERSION}")
    if(ARG_STATIC)
        return()
    endif()

    set_target_properties(${target} PROPERTIES
        VERSION ${PROJECT_VERSION}
        SOVERSION ${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR})
    install(TARGETS ${target} EXPORT AuthKitQtTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
            COMPONENT Runtime
            NAMELINK_COMPONENT Development
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT Development
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT Runtime)
    set(omitted_headers)
    foreach(header IN LISTS ARG_OMIT_HEADERS)
        list(APPEND omitted_headers PATTERN "${header}" EXCLUDE)
    endforeach()
    install(DIRECTORY include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT Development
        ${omitted_headers})
    install(FILES "${export_header}"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/authkitqt/${header_dir}" COMPONENT Development)
endfunction()
