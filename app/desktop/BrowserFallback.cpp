#include "BrowserFallback.h"

#include "DesktopLogging.h"

#include <QDesktopServices>
#include <QGuiApplication>
#include <QProcess>
#include <QStringList>

namespace {
const QStringList kSchemes = {QStringLiteral("http"), QStringLiteral("https")};
// Qt's platform plugins whose services do not open URLs.
const QStringList kPlatformsWithoutServices = {
    QStringLiteral("offscreen"), QStringLiteral("minimal"), QStringLiteral("eglfs"),
    QStringLiteral("linuxfb"),   QStringLiteral("vnc"),     QStringLiteral("vkkhrdisplay"),
};
} // namespace

void BrowserFallback::installIfNeeded(QObject *parent)
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    if (!kPlatformsWithoutServices.contains(QGuiApplication::platformName()))
        return;
    auto *fallback = new BrowserFallback(parent);
    for (const QString &scheme : kSchemes)
        QDesktopServices::setUrlHandler(scheme, fallback, "openUrl");
#else
    Q_UNUSED(parent);
#endif
}

BrowserFallback::~BrowserFallback()
{
    for (const QString &scheme : kSchemes)
        QDesktopServices::unsetUrlHandler(scheme);
}

void BrowserFallback::openUrl(const QUrl &url)
{
    // The page's host only: an authorize URL is no secret, but the log has no use for it.
    if (!QProcess::startDetached(QStringLiteral("xdg-open"), {url.toString(QUrl::FullyEncoded)}))
        qCWarning(lcDesktop).noquote() << "cannot run xdg-open for" << url.host();
}
