#include "SystemBrowser.h"

#include "DesktopLogging.h"

#include <QDesktopServices>
#include <QProcess>

bool openInSystemBrowser(const QUrl &url)
{
    if (QDesktopServices::openUrl(url))
        return true;
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    if (QProcess::startDetached(QStringLiteral("xdg-open"), {url.toString(QUrl::FullyEncoded)}))
        return true;
    // The page's host only: an authorize URL is no secret, but the log has no use for it.
    qCWarning(lcDesktop).noquote() << "cannot run xdg-open for" << url.host();
#endif
    return false;
}
