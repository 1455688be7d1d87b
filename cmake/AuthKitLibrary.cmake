# authkit_add_library(<target> NAME <ExportName> SOURCES ... [PUBLIC ...] [PRIVATE ...])
#
# One layer of the library, the same way every time: a static Qt library with the alias
# AuthKitQt::<ExportName>, public headers in include/, private ones in src/, the project's
# warnings (not exported), and install + export into the AuthKitQt CMake package.
function(authkit_add_library target)
    cmake_parse_arguments(ARG "" "NAME" "SOURCES;PUBLIC;PRIVATE" ${ARGN})
    qt_add_library(${target} STATIC ${ARG_SOURCES})
    add_library(AuthKitQt::${ARG_NAME} ALIAS ${target})
    set_target_properties(${target} PROPERTIES EXPORT_NAME ${ARG_NAME})
    target_include_directories(${target}
        PUBLIC
            $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include>
            $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>
        PRIVATE src)
    target_link_libraries(${target}
        PUBLIC ${ARG_PUBLIC}
        PRIVATE ${ARG_PRIVATE} $<BUILD_INTERFACE:authkit_compiler_settings>)
    target_compile_definitions(${target} PRIVATE AUTHKITQT_VERSION="${PROJECT_VERSION}")
    install(TARGETS ${target} EXPORT AuthKitQtTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT Development)
    install(DIRECTORY include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT Development)
endfunction()
