// The German catalogue is built into the app, loads for a German locale, translates what a person
// sees first, and is complete (lrelease reported no unfinished message when building it).

#include "TranslationLoader.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>

class TranslationsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void germanCatalogueIsBuiltIn()
    {
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/authkitqt_de.qm")));
        QVERIFY(!translator.isEmpty());
    }

    void loaderInstallsItForAGermanLocale()
    {
        const QStringList installed =
            TranslationLoader::install(*QCoreApplication::instance(), QLocale(QLocale::German, QLocale::Germany));
        QVERIFY2(installed.contains(QStringLiteral("authkitqt_de")), qPrintable(installed.join(u',')));
        // What the signed-out window shows first, and a library message with a placeholder.
        const QString signIn = QCoreApplication::translate("authkit::SignedOutPage", "&Sign in");
        QVERIFY(signIn != QStringLiteral("&Sign in"));
        QVERIFY(signIn.contains(QLatin1Char('&')));
        const QString loggedIn = QCoreApplication::translate("authkit::AccountPage", "Logged in as %1");
        QVERIFY(loggedIn != QStringLiteral("Logged in as %1"));
        QVERIFY(loggedIn.contains(QStringLiteral("%1")));
        const QString apiKey = QCoreApplication::translate(
            "AuthKitConfig",
            "The client ID is an API key (sk_…). A desktop app is a public client: use the "
            "environment's client ID (client_…) and never ship an API key.");
        QVERIFY(apiKey.contains(QStringLiteral("sk_")));
        QVERIFY(!apiKey.startsWith(QStringLiteral("The client ID")));
    }

    void englishNeedsNoCatalogue()
    {
        QTranslator translator;
        QVERIFY(!translator.load(QLocale(QLocale::English), QStringLiteral("authkitqt"),
                                 QStringLiteral("_"), QStringLiteral(":/i18n")));
    }
};

QTEST_GUILESS_MAIN(TranslationsTest)
#include "tst_translations.moc"
