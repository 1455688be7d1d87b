// A Convex project's convex.json as authkit-emulator --project reads it
// (ConvexProject::readConvexJson): any bytes are either refused with a reason or give lists whose
// every entry is filled (no template left) and whose redirect URIs, origins and homepage the
// emulator then validates itself.
#include "FuzzSupport.h"

#include "ConvexProject_p.h"

using authkit::emulator::ConvexProject;
using authkit::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input = authkit::fuzz::bytes(data, size);
    ConvexProject project;
    QString error;
    if (!ConvexProject::readConvexJson(input, &project, &error)) {
        check(!error.isEmpty(), "a refused convex.json says why");
        check(error.startsWith(QLatin1String("convex.json")), "the reason names the file");
        return 0;
    }
    check(error.isEmpty(), "an accepted convex.json has no error");
    for (const QStringList *list : {&project.redirectUris, &project.corsOrigins}) {
        for (const QString &entry : *list)
            check(!entry.contains(QLatin1String("${")), "every template is filled or left out");
    }
    check(!project.appHomepageUrl.contains(QLatin1String("${")), "the homepage is filled");
    check(project.clientIds.isEmpty(), "convex.json names no client");
    return 0;
}
