#include "SchemeHandler.h"

#include <authkitqt/core/CustomSchemeUserAgent.h>

#include <QFile>
#include <QStandardPaths>

namespace SchemeHandler {

QString problem(const QString &text)
{
    constexpr qsizetype maxBytes = authkit::CustomSchemeUserAgent::kMaxRedirectBytes;
    if (text.toUtf8().size() > maxBytes)
        return QStringLiteral("the URL is longer than %1 bytes").arg(maxBytes);
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty())
        return QStringLiteral("not a URL");
    if (url.scheme().compare(QLatin1String(kScheme), Qt::CaseInsensitive) != 0)
        return QStringLiteral("not an %1: URL").arg(QLatin1String(kScheme));
    return {};
}

bool isRegistered()
{
    const QString wanted = QStringLiteral("x-scheme-handler/") + QLatin1String(kScheme);
    const QStringList files = QStandardPaths::locateAll(QStandardPaths::ApplicationsLocation,
                                                        QStringLiteral("authkit-desktop.desktop"));
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            continue;
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine()).trimmed();
            if (line.startsWith(QLatin1String("MimeType="))
                && line.mid(9).split(QLatin1Char(';')).contains(wanted)) {
                return true;
            }
        }
    }
    return false;
}

bool deliversRedirectTo(const QUrl &redirectUri)
{
    return redirectUri.scheme().compare(QLatin1String(kScheme), Qt::CaseInsensitive) == 0
           && isRegistered();
}

} // namespace SchemeHandler
