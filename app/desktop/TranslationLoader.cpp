#include "TranslationLoader.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

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
    QStringList installed;
    auto load = [&](const QString &name, const QString &directory) {
        auto *translator = new QTranslator(&app);
        if (translator->load(locale, name, QStringLiteral("_"), directory)) {
            QCoreApplication::installTranslator(translator);
            installed.append(QFileInfo(translator->filePath()).completeBaseName());
        } else {
            delete translator;
        }
    };
    const QString qtTranslations = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    load(QStringLiteral("qtbase"), qtTranslations);
    load(QStringLiteral("qtwebengine"), qtTranslations);
    load(QStringLiteral("authkitqt"), QStringLiteral(":/i18n"));
    return installed;
}
