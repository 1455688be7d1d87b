#include "TranslationLoader.h"

#include <authkitqt/core/Translations.h>

#include <QSettings>

QList<TranslationLoader::Language> TranslationLoader::languages()
{
    return {{QStringLiteral("de"), QStringLiteral("Deutsch")},
            {QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("es"), QStringLiteral("Español")},
            {QStringLiteral("fr"), QStringLiteral("Français")},
            {QStringLiteral("ja"), QStringLiteral("日本語")}};
}

QLocale TranslationLoader::preferredLocale()
{
    const QString chosen = QSettings().value(QLatin1String(kLanguageKey)).toString();
    for (const Language &language : languages()) {
        if (language.code == chosen)
            return QLocale(chosen);
    }
    return QLocale(); // the system's
}

QStringList TranslationLoader::install(QCoreApplication &app, const QLocale &locale)
{
    return authkit::installTranslations(app, locale);
}
