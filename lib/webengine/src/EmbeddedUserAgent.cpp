#include <authkitqt/webengine/EmbeddedUserAgent.h>

#include <QStandardPaths>

namespace authkit {

QString EmbeddedUserAgent::defaultProfileStoragePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
           + QStringLiteral("/login-profile");
}

} // namespace authkit
