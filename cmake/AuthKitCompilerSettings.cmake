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
