# Packages: a Debian package and a tarball of the installed tree (cpack -G DEB / TGZ).
set(CPACK_PACKAGE_NAME "authkitqt")
set(CPACK_PACKAGE_VENDOR "AuthKitQt")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CHECKSUM SHA256)
set(CPACK_GENERATOR "TGZ;DEB")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "AuthKitQt developers")
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
# dpkg-shlibdeps derives the library dependencies (Qt, WebEngine, qtkeychain, OpenSSL).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# A plugin, which dpkg-shlibdeps cannot see: authkit-emulator's Convex tables are in SQLite.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite")
# Without a Secret Service the app can only keep a session in memory.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager")
set(CPACK_SOURCE_IGNORE_FILES "/build.*/;/\\\\.git/;/\\\\.deps/;node_modules/")
include(CPack)
