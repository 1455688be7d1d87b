# The packages (docs/packaging.md): `cpack -G DEB` and `cpack -G TGZ` make four of each, one per
# group of install components:
#   authkit-desktop   Desktop       the app, its desktop entry, icons, AppStream metadata
#   authkit-tools     Tools         authkit-cli and authkit-emulator
#   libauthkitqt      Runtime       the shared libraries, the WebEngine plugin, libexec/authkitqt
#   libauthkitqt-dev  Development   headers and the AuthKitQt CMake package
# Whatever is installed without a component ("Unspecified") goes with the libraries, so that a
# program under libexec/authkitqt lands in libauthkitqt without naming a component;
# scripts/package-check.sh fails when an installed file is in no package.
set(CPACK_PACKAGE_NAME "authkitqt")
set(CPACK_PACKAGE_VENDOR "AuthKitQt")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CHECKSUM SHA256)
set(CPACK_GENERATOR "TGZ;DEB")
set(CPACK_SOURCE_IGNORE_FILES "/build.*/;/\\\\.git/;/\\\\.deps/;node_modules/")
# Installed under /usr (GNUInstallDirs' relative directories below it), stripped: the debug
# information stays in the build tree.
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

set(CPACK_COMPONENTS_ALL Desktop Tools Runtime Development Unspecified)
set(CPACK_COMPONENTS_GROUPING ONE_PER_GROUP)
set(CPACK_COMPONENT_DESKTOP_GROUP desktop)
set(CPACK_COMPONENT_TOOLS_GROUP tools)
set(CPACK_COMPONENT_RUNTIME_GROUP lib)
set(CPACK_COMPONENT_UNSPECIFIED_GROUP lib)
set(CPACK_COMPONENT_DEVELOPMENT_GROUP dev)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_ARCHIVE_COMPONENT_INSTALL ON)
# The tarballs are named as the Debian packages (usr/... inside, to unpack into a prefix's parent).
foreach(group_package IN ITEMS DESKTOP:authkit-desktop TOOLS:authkit-tools LIB:libauthkitqt
        DEV:libauthkitqt-dev)
    string(REPLACE ":" ";" group_package "${group_package}")
    list(GET group_package 0 group)
    list(GET group_package 1 package)
    set(CPACK_ARCHIVE_${group}_FILE_NAME "${package}-${PROJECT_VERSION}-${CMAKE_SYSTEM_NAME}")
endforeach()

# Debian: one file per package named as Debian names them, a native version (no Debian
# revision: upstream ships the packaging; packaging/debian/changelog).
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(AUTHKIT_PACKAGE_MAINTAINER
    "AuthKitQt developers <maintainers@users.noreply.r-seed-ad5222eb.example>"
    CACHE STRING "Maintainer field of the Debian packages")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${AUTHKIT_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${AUTHKIT_PROJECT_URL}")
# dpkg-shlibdeps derives each package's library dependencies from its own binaries.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(authkit_deb_version "${PROJECT_VERSION}")

set(CPACK_DEBIAN_LIB_PACKAGE_NAME libauthkitqt)
set(CPACK_DEBIAN_LIB_PACKAGE_SECTION libs)
# A shlibs file and the ldconfig trigger; the libraries' SONAME carries major.minor and the ABI
# may change with either, so dependants need this exact version.
# (CPack's switch is for every package; only libauthkitqt has libraries with a SONAME.)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY "=")
set(CPACK_DEBIAN_LIB_PACKAGE_CONTROL_EXTRA "${CMAKE_CURRENT_LIST_DIR}/debian/libauthkitqt/triggers")
set(CPACK_DEBIAN_LIB_DESCRIPTION "WorkOS AuthKit sign-in and Convex client for Qt 6
AuthKitQt signs a person in with WorkOS AuthKit from a Qt desktop program,
keeps the session in the system keychain and refreshes it, and reaches a
Convex backend as that person.

This package holds the shared libraries, the plugin with the Qt WebEngine
sign-in window (loaded only when a sign-in needs it) and the helper programs
the libraries run.")
# Without a Secret Service the session can only live in memory.
set(CPACK_DEBIAN_LIB_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME libauthkitqt-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
# The CMake package finds these (cmake/AuthKitQtConfig.cmake.in): Qt's, qtkeychain's and
# OpenSSL's development files.
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS
    "libauthkitqt (= ${authkit_deb_version}), qt6-base-dev, qt6-websockets-dev, qtkeychain-qt6-dev, libssl-dev")
set(CPACK_DEBIAN_DEV_DESCRIPTION "WorkOS AuthKit sign-in and Convex client for Qt 6 - development files
AuthKitQt signs a person in with WorkOS AuthKit from a Qt desktop program,
keeps the session in the system keychain and refreshes it, and reaches a
Convex backend as that person.

This package holds the headers and the CMake package: find_package(AuthKitQt)
then link AuthKitQt::Core, ::Keychain, ::WebEngine, ::Widgets, ::Convex or
::ConvexAuthKit.")

set(CPACK_DEBIAN_DESKTOP_PACKAGE_NAME authkit-desktop)
set(CPACK_DEBIAN_DESKTOP_PACKAGE_SECTION net)
set(CPACK_DEBIAN_DESKTOP_PACKAGE_DEPENDS "libauthkitqt (= ${authkit_deb_version})")
# The local profile, the default one, runs authkit-emulator from authkit-tools.
set(CPACK_DEBIAN_DESKTOP_PACKAGE_RECOMMENDS "authkit-tools (= ${authkit_deb_version})")
set(CPACK_DEBIAN_DESKTOP_DESCRIPTION "desktop client for WorkOS AuthKit and Convex
AuthKit Desktop signs you in through the hosted WorkOS AuthKit page in an
embedded window, keeps the session in the system keychain and refreshes it,
and shows a live view of a Convex backend once it accepted your token. Its
local profile runs against the AuthKit emulator of authkit-tools, with no
account and no network.")

set(CPACK_DEBIAN_TOOLS_PACKAGE_NAME authkit-tools)
set(CPACK_DEBIAN_TOOLS_PACKAGE_SECTION net)
# authkit-emulator keeps its Convex tables in SQLite through Qt's plugin, which
# dpkg-shlibdeps cannot see; authkit-cli links the libraries.
set(CPACK_DEBIAN_TOOLS_PACKAGE_DEPENDS "libauthkitqt (= ${authkit_deb_version}), libqt6sql6-sqlite")
set(CPACK_DEBIAN_TOOLS_DESCRIPTION "command-line client and local emulator for WorkOS AuthKit
authkit-cli signs you in to WorkOS AuthKit from a terminal and hands fresh
access tokens to scripts, keeping the session in the system keychain.

authkit-emulator is a local WorkOS AuthKit (hosted pages, tokens, JWKS,
events and webhooks) and a Convex deployment that trusts its tokens, for
development and tests with no account and no network.")

# The packages depend on each other's libraries, which dpkg-shlibdeps looks for in the staged
# libauthkitqt package (the inter-package Depends above say which version).
set(CPACK_PROJECT_CONFIG_FILE "${CMAKE_CURRENT_BINARY_DIR}/CPackProjectConfig.cmake")
file(CONFIGURE OUTPUT "${CPACK_PROJECT_CONFIG_FILE}" CONTENT [=[
if(CPACK_GENERATOR STREQUAL "DEB")
    # Each package's description starts with its own synopsis (CPACK_DEBIAN_*_DESCRIPTION);
    # CPack would put the project's summary before it unless the summary is its default.
    set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CPACK_DEFAULT_PACKAGE_DESCRIPTION_SUMMARY}")
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS
        "${CPACK_PACKAGE_DIRECTORY}/_CPack_Packages/Linux/DEB/${CPACK_PACKAGE_FILE_NAME}/lib${CPACK_PACKAGING_INSTALL_PREFIX}/@CMAKE_INSTALL_LIBDIR@")
endif()
]=] @ONLY)
include(CPack)
