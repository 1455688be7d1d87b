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
    // The catalogues that were installed, e.g. {"qtbase_de", "authkitqt_de"}.
    static QStringList install(QCoreApplication &app, const QLocale &locale = QLocale());
};
