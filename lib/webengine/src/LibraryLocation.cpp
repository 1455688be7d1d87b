#include "LibraryLocation_p.h"

#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <dlfcn.h>
#endif

namespace authkit {

QString webEngineLibraryDirectory()
{
#ifdef Q_OS_UNIX
    Dl_info info{};
    if (dladdr(reinterpret_cast<const void *>(&webEngineLibraryDirectory), &info)
        && info.dli_fname) {
        // The real folder, not the one the loader named: on a merged-/usr system the library
        // is loaded as /lib/… (a link to /usr/lib), and ../libexec from there does not exist.
        const QFileInfo library(QString::fromLocal8Bit(info.dli_fname));
        const QString real = library.canonicalFilePath();
        return real.isEmpty() ? library.absolutePath() : QFileInfo(real).absolutePath();
    }
#endif
    return {};
}

} // namespace authkit
