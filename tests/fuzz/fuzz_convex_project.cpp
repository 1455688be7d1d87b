// A Convex project's convex.json as `--project` reads it (ConvexAuthKitSection::parse, through
// ConvexProjectFiles in authkit-emulator, authkit-desktop and authkit-cli): any bytes are either
// refused with a reason or give lists whose every entry is filled (no template left) and whose
// redirect URIs, origins and homepage each caller then validates itself.
#include "FuzzSupport.h"

#include <authkitqt/core/ConvexAuthKitSection.h>

using authkit::ConvexAuthKitSection;
using authkit::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input = authkit::fuzz::bytes(data, size);
    QString error;
    const auto section = ConvexAuthKitSection::parse(
        input, QStringLiteral("dev"), QProcessEnvironment::systemEnvironment(), &error);
    if (!section) {
        check(!error.isEmpty(), "a refused convex.json says why");
        check(error.startsWith(QLatin1String("convex.json")), "the reason names the file");
        return 0;
    }
    check(error.isEmpty(), "an accepted convex.json has no error");
    for (const QStringList *list : {&section->redirectUris, &section->corsOrigins}) {
        for (const QString &entry : *list)
            check(!entry.contains(QLatin1String("${")), "every template is filled or left out");
    }
    check(!section->appHomepageUrl.contains(QLatin1String("${")), "the homepage is filled");
    return 0;
}
