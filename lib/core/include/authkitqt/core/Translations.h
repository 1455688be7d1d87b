#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>
#include <authkitqt/core/authkitqt_core_export.h>

class QCoreApplication;

namespace authkit {

/// Installs on app the translations for locale: Qt's own catalogues (qtbase, qtwebengine) from
/// the Qt installation, then AuthKitQt's (authkitqt_<lang>.qm in catalogueDirectory, a resource
/// folder by default). Missing catalogues are skipped: English is the source language. Also
/// makes locale the default, so what is started or created later (the login window process,
/// the Accept-Language of its pages) speaks the same language.
///
/// Returns the catalogues installed, e.g. {"qtbase_de", "authkitqt_de"}.
AUTHKITQT_CORE_EXPORT QStringList
installTranslations(QCoreApplication &app, const QLocale &locale,
                    const QString &catalogueDirectory = QStringLiteral(":/i18n"));

} // namespace authkit
