#include <authkitqt/core/Translations.h>

#include <QCoreApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QTranslator>

namespace authkit {

QStringList installTranslations(QCoreApplication &app, const QLocale &locale,
                                const QString &catalogueDirectory)
{
    QLocale::setDefault(locale);
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
    load(QStringLiteral("authkitqt"), catalogueDirectory);
    return installed;
}

} // namespace authkit
