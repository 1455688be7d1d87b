#include <authkitqt/core/UriSchemes.h>

#include <QStringList>

namespace authkit {

bool isBrowserInternalScheme(const QString &scheme)
{
    static const QStringList schemes = {
        QStringLiteral("http"),     QStringLiteral("https"), QStringLiteral("ws"),
        QStringLiteral("wss"),      QStringLiteral("ftp"),   QStringLiteral("javascript"),
        QStringLiteral("vbscript"), QStringLiteral("data"),  QStringLiteral("blob"),
        QStringLiteral("file"),     QStringLiteral("about"),
    };
    return schemes.contains(scheme, Qt::CaseInsensitive);
}

} // namespace authkit
