#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

// Installs the translations for a locale: Qt's own catalogues (qtbase, qtwebengine) from the Qt
// installation, then ours (authkitqt_<lang>.qm, built into the app). Missing catalogues are
// skipped: English is the source language.
class TranslationLoader
{
public:
    // QSettings: the language chosen in File > Settings ("de", "en", …); absent or empty, the
    // system locale's.
    static constexpr char kLanguageKey[] = "language";

    struct Language
    {
        QString code;       // ISO 639, as saved under kLanguageKey
        QString nativeName; // its own name, so whoever reads it finds it in any other language
    };
    // The languages the app speaks: English and those with a catalogue.
    static QList<Language> languages();

    // The chosen language's locale, else the system's.
    static QLocale preferredLocale();

    // The catalogues that were installed, e.g. {"qtbase_de", "authkitqt_de"}; the locale
    // becomes the default (authkit::installTranslations).
    static QStringList install(QCoreApplication &app, const QLocale &locale = preferredLocale());
};
