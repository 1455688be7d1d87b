#include "TranslationLoader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QFileInfo>
#include <QTranslator>

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
