// The catalogues (German, French, Spanish, Japanese) are built into the app, load for their
// locale, translate what a person sees first, and are complete: every message lupdate finds in
// the sources is in every catalogue and finished, with its placeholders, accelerator and plural
// forms; and no user-visible literal in those sources escapes tr(). The language comes from the
// system locale or from File > Settings. `scripts/unfinished-translations.sh` lists what a
// catalogue still lacks. The emulator's hosted pages have their own catalogues
// (authkitqt_emulator_<lang>, built into the emulator, chosen per request by Accept-Language),
// held to the same rules.

#include "TranslationLoader.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <iterator>
#include <map>
#include <tuple>

namespace {

// One <message> of a .ts file.
struct Message
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString translationType;  // "" when finished; "unfinished", "vanished" or "obsolete"
    QStringList translations; // one, or one per plural form
};

using MessageKey = std::tuple<QString, QString, QString>; // context, source, comment

struct Catalogue
{
    QString language;
    std::map<MessageKey, Message> messages;
    QStringList duplicates;
};

Catalogue readCatalogue(const QString &path)
{
    Catalogue catalogue;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return catalogue;
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            const MessageKey key{message.context, message.source, message.comment};
            if (!catalogue.messages.emplace(key, message).second)
                catalogue.duplicates.append(message.source);
        }
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            catalogue.language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = Message{};
            message.context = context;
            message.numerus =
                xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            message.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.translationType = xml.attributes().value(QLatin1String("type")).toString();
            if (!message.numerus) // else its <numerusform> children follow
                message.translations.append(xml.readElementText());
        } else if (name == QLatin1String("numerusform")) {
            message.translations.append(xml.readElementText());
        }
    }
    return catalogue;
}

// The two sets of catalogues: the app's and the emulator's hosted pages'.
struct CatalogueSet
{
    const char *name;        // file name stem: <name>_<lang>.ts
    const char *resourceDir; // where the .qm files are built in
    const char *sourcesList; // lupdate's @list of the sources the set is made from
    int minimumMessages;
};

const CatalogueSet kCatalogueSets[] = {
    {"authkitqt", ":/i18n", AUTHKIT_TRANSLATED_SOURCES_LIST, 100},
    {"authkitqt_emulator", ":/authkit-emulator/i18n", AUTHKIT_EMULATOR_TRANSLATED_SOURCES_LIST, 50},
};

QString catalogueFile(const CatalogueSet &set, const QString &language)
{
    return QStringLiteral(AUTHKIT_TRANSLATIONS_DIR "/%1_%2.ts")
        .arg(QLatin1String(set.name), language);
}

// %1…%99 and %n (also in their %L1 and %Ln forms), as a sorted list: a translation must use each
// placeholder of its source, no more and no fewer.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression placeholder(QStringLiteral("%L?(\\d{1,2}|n)"));
    QStringList found;
    for (auto it = placeholder.globalMatch(text); it.hasNext();)
        found.append(QLatin1Char('%') + it.next().captured(1));
    found.sort();
    return found;
}

bool hasAccelerator(const QString &text)
{
    return QString(text).remove(QStringLiteral("&&")).contains(QLatin1Char('&'));
}

// User-visible text given as a bare literal instead of through tr(): a literal passed to a
// widget's text setter, a new widget's constructor or a QMessageBox, that has words in it (tags,
// placeholders and entities aside: "…", "◆" or "<b>%1</b>" need no translation).
// Returns "line: call" for each.
QStringList untranslatedLiterals(const QString &code)
{
    // The call, then the literal: an optional Qt string macro around a C++ string.
    static const QRegularExpression call(QStringLiteral(
        "(?:\\b(?:set(?:Text|WindowTitle|ToolTip|StatusTip|WhatsThis|PlaceholderText|"
        "AccessibleName|AccessibleDescription|Title|LabelText|InformativeText|"
        "DetailedText|WindowIconText)|addItem|addAction|addMenu|showMessage)\\s*\\(\\s*|"
        "\\bnew\\s+Q(?:Label|PushButton|CheckBox|RadioButton|GroupBox|Action|Menu|"
        "ToolButton|CommandLinkButton)\\s*\\(\\s*|"
        "\\bQMessageBox::\\w+\\s*\\([^,;]*,\\s*(?:[^,;]*,\\s*)?)"
        "((?:QStringLiteral|QLatin1String|QLatin1StringView|QString::fromUtf8|QString::fromLatin1)"
        "\\(\\s*)?u?\"((?:[^\"\\\\]|\\\\.)*)\""));
    static const QRegularExpression notWords(QStringLiteral("<[^>]*>|%L?\\d+|%n|&\\w+;"));
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{2,}"));
    QStringList found;
    for (auto it = call.globalMatch(code); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        if (!QString(match.captured(2)).remove(notWords).contains(word))
            continue;
        const int line = int(code.left(match.capturedStart()).count(QLatin1Char('\n'))) + 1;
        found.append(QString::number(line) + QStringLiteral(": ")
                     + match.captured(0).simplified().left(100));
    }
    return found;
}

QString describe(const Message &message)
{
    return message.context + QStringLiteral(": \"") + message.source.left(60) + QLatin1Char('"');
}

} // namespace

class TranslationsTest : public QObject
{
    Q_OBJECT

    // The plural forms Qt's numerus rules give each language.
    const std::map<QString, int> m_pluralForms{{QStringLiteral("de"), 2},
                                               {QStringLiteral("fr"), 2},
                                               {QStringLiteral("es"), 2},
                                               {QStringLiteral("ja"), 1}};

    QStringList languages() const
    {
        QStringList all;
        for (const auto &[language, forms] : m_pluralForms)
            all.append(language);
        return all;
    }

    // One row per catalogue: each language of each set.
    void addLanguageRows()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("set");
        for (int set = 0; set < int(std::size(kCatalogueSets)); ++set) {
            for (const QString &language : languages()) {
                QTest::newRow(qPrintable(QLatin1String(kCatalogueSets[set].name) + QLatin1Char('_')
                                         + language))
                    << language << set;
            }
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        // QSettings in a throwaway place: the language chosen in Settings is read from there.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("AuthKitQt"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_translations"));
        QSettings().remove(QLatin1String(TranslationLoader::kLanguageKey));
    }

    void cleanup()
    {
        QSettings().remove(QLatin1String(TranslationLoader::kLanguageKey));
        // A translator removes itself from the application when it is deleted.
        qDeleteAll(QCoreApplication::instance()->findChildren<QTranslator *>());
        QLocale::setDefault(QLocale::c());
    }

    void catalogueIsBuiltIn_data() { addLanguageRows(); }
    void catalogueIsBuiltIn()
    {
        QFETCH(QString, language);
        QFETCH(int, set);
        const CatalogueSet &catalogueSet = kCatalogueSets[set];
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral("%1/%2_%3.qm")
                                    .arg(QLatin1String(catalogueSet.resourceDir),
                                         QLatin1String(catalogueSet.name), language)));
        QVERIFY(!translator.isEmpty());
        QCOMPARE(translator.language().left(2), language);
    }

    void everyMessageIsFinished_data() { addLanguageRows(); }
    void everyMessageIsFinished()
    {
        QFETCH(QString, language);
        QFETCH(int, set);
        const QString file = catalogueFile(kCatalogueSets[set], language);
        const Catalogue catalogue = readCatalogue(file);
        QVERIFY2(!catalogue.messages.empty(), qPrintable(file));
        QVERIFY2(catalogue.language.startsWith(language), qPrintable(catalogue.language));
        QVERIFY2(catalogue.duplicates.isEmpty(), qPrintable(catalogue.duplicates.join(u'\n')));
        const int pluralForms = m_pluralForms.at(language);
        QStringList problems;
        for (const auto &[key, message] : catalogue.messages) {
            if (!message.translationType.isEmpty()) {
                problems.append(message.translationType + QStringLiteral(": ") + describe(message));
                continue;
            }
            if (message.numerus && message.translations.size() != pluralForms) {
                problems.append(QStringLiteral("%1 plural forms, %2 expected: ")
                                    .arg(message.translations.size())
                                    .arg(pluralForms)
                                + describe(message));
            }
            for (const QString &translation : message.translations) {
                if (translation.trimmed().isEmpty()) {
                    problems.append(QStringLiteral("empty: ") + describe(message));
                } else if (placeholders(translation) != placeholders(message.source)) {
                    problems.append(QStringLiteral("placeholders %1 instead of %2: ")
                                        .arg(placeholders(translation).join(u' '),
                                             placeholders(message.source).join(u' '))
                                    + describe(message));
                } else if (hasAccelerator(message.source) != hasAccelerator(translation)) {
                    problems.append(QStringLiteral("accelerator (&) lost or added: ")
                                    + describe(message));
                }
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    // lupdate over the sources the app builds its catalogues from: each catalogue has exactly
    // those messages, none missing and none left over from code that changed.
    void everyCatalogueMatchesTheSources_data()
    {
        QTest::addColumn<int>("set");
        for (int set = 0; set < int(std::size(kCatalogueSets)); ++set)
            QTest::newRow(kCatalogueSets[set].name) << set;
    }
    void everyCatalogueMatchesTheSources()
    {
        QFETCH(int, set);
        const CatalogueSet &catalogueSet = kCatalogueSets[set];
        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        const QString fresh = scratch.filePath(QStringLiteral("authkitqt_xx.ts"));
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(AUTHKIT_LUPDATE),
                      {QLatin1Char('@') + QLatin1String(catalogueSet.sourcesList),
                       QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                       QStringLiteral("none"), QStringLiteral("-ts"), fresh});
        QVERIFY(lupdate.waitForFinished(60000));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());
        const Catalogue sources = readCatalogue(fresh);
        QVERIFY(int(sources.messages.size()) > catalogueSet.minimumMessages);

        for (const QString &language : languages()) {
            const Catalogue catalogue = readCatalogue(catalogueFile(catalogueSet, language));
            QStringList problems;
            for (const auto &[key, message] : sources.messages) {
                const auto found = catalogue.messages.find(key);
                if (found == catalogue.messages.end())
                    problems.append(QStringLiteral("missing: ") + describe(message));
                else if (found->second.numerus != message.numerus)
                    problems.append(QStringLiteral("plural changed: ") + describe(message));
            }
            for (const auto &[key, message] : catalogue.messages) {
                if (sources.messages.count(key) == 0)
                    problems.append(QStringLiteral("no longer in the sources: ")
                                    + describe(message));
            }
            QVERIFY2(problems.isEmpty(),
                     qPrintable(language
                                + QStringLiteral(" (run the update_translations target):\n")
                                + problems.join(u'\n')));
        }
    }

    // The scanner below finds what it should, and lets through what it should.
    void untranslatedLiteralsAreFound()
    {
        QCOMPARE(untranslatedLiterals(
                     QStringLiteral(
                         "label->setText(QStringLiteral(\"Signed in\"));\n"
                         "button->setToolTip(\n    \"Open the page\");\n"
                         "auto *b = new QPushButton(QLatin1String(\"Send it\"), this);\n"
                         "QMessageBox::warning(this, tr(\"Oops\"), QStringLiteral(\"It broke\"));"))
                     .size(),
                 4);
        QVERIFY(untranslatedLiterals(
                    QStringLiteral("label->setText(tr(\"Signed in\"));\n"
                                   "label->setText(QStringLiteral(\"<b>%1</b>\").arg(x));\n"
                                   "logo->setText(QStringLiteral(\"◆\"));\n"
                                   "edit->setPlaceholderText(QLatin1String(kDefaultUrl));\n"
                                   "setObjectName(QStringLiteral(\"signInButton\"));"))
                    .isEmpty());
    }

    // Every user-visible string of the app and the libraries it shows goes through tr(): none is
    // set on a widget as a bare literal in the sources the catalogues are made from.
    void noUserVisibleLiteralEscapesTranslation()
    {
        QFile list(QStringLiteral(AUTHKIT_TRANSLATED_SOURCES_LIST));
        QVERIFY(list.open(QIODevice::ReadOnly | QIODevice::Text));
        int scanned = 0;
        QStringList problems;
        for (const QString &path :
             QString::fromUtf8(list.readAll()).split(u'\n', Qt::SkipEmptyParts)) {
            if (path.startsWith(QLatin1String("-I")))
                continue;
            QFile source(path);
            QVERIFY2(source.open(QIODevice::ReadOnly), qPrintable(path));
            ++scanned;
            for (const QString &where : untranslatedLiterals(QString::fromUtf8(source.readAll())))
                problems.append(path + QLatin1Char(':') + where);
        }
        QVERIFY(scanned > 20);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void loaderInstallsItForAGermanLocale()
    {
        const QStringList installed = TranslationLoader::install(
            *QCoreApplication::instance(), QLocale(QLocale::German, QLocale::Germany));
        QVERIFY2(installed.contains(QStringLiteral("authkitqt_de")),
                 qPrintable(installed.join(u',')));
        // What the signed-out window shows first, and a library message with a placeholder.
        const QString signIn = QCoreApplication::translate("authkit::SignedOutPage", "&Sign in");
        QVERIFY(signIn != QStringLiteral("&Sign in"));
        QVERIFY(signIn.contains(QLatin1Char('&')));
        const QString loggedIn =
            QCoreApplication::translate("authkit::AccountPage", "Logged in as %1");
        QVERIFY(loggedIn != QStringLiteral("Logged in as %1"));
        QVERIFY(loggedIn.contains(QStringLiteral("%1")));
        const QString apiKey = QCoreApplication::translate(
            "AuthKitConfig",
            "The client ID is an API key (sk_…). A desktop app is a public client: use the "
            "environment's client ID (client_…) and never ship an API key.");
        QVERIFY(apiKey.contains(QStringLiteral("sk_")));
        QVERIFY(!apiKey.startsWith(QStringLiteral("The client ID")));
    }

    // The system locale picks the catalogue (TranslationLoader::install with no locale, as
    // main() calls it), and the first strings a person sees are in that language.
    void systemLocaleChoosesTheLanguage_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("catalogue");
        QTest::addColumn<QString>("signIn");
        QTest::addColumn<QString>("signedOut");
        QTest::addColumn<QString>("loggedIn");
        QTest::addColumn<QString>("settings");
        QTest::newRow("fr_FR") << QStringLiteral("fr_FR") << QStringLiteral("authkitqt_fr")
                               << QStringLiteral("&Se connecter")
                               << QStringLiteral("Vous êtes déconnecté")
                               << QStringLiteral("Connecté en tant que %1")
                               << QStringLiteral("&Paramètres…");
        QTest::newRow("es_ES") << QStringLiteral("es_ES") << QStringLiteral("authkitqt_es")
                               << QStringLiteral("&Iniciar sesión")
                               << QStringLiteral("Ha cerrado la sesión")
                               << QStringLiteral("Sesión iniciada como %1")
                               << QStringLiteral("&Configuración…");
        QTest::newRow("ja_JP") << QStringLiteral("ja_JP") << QStringLiteral("authkitqt_ja")
                               << QStringLiteral("サインイン(&S)")
                               << QStringLiteral("サインアウトしました")
                               << QStringLiteral("%1 としてログイン中")
                               << QStringLiteral("設定(&S)…");
        QTest::newRow("de_DE") << QStringLiteral("de_DE") << QStringLiteral("authkitqt_de")
                               << QString() << QString() << QString() << QString();
    }
    void systemLocaleChoosesTheLanguage()
    {
        QFETCH(QString, locale);
        QFETCH(QString, catalogue);
        QFETCH(QString, signIn);
        QFETCH(QString, signedOut);
        QFETCH(QString, loggedIn);
        QFETCH(QString, settings);
        QLocale::setDefault(QLocale(locale));
        const QStringList installed = TranslationLoader::install(*QCoreApplication::instance());
        QVERIFY2(installed.contains(catalogue), qPrintable(installed.join(u',')));
        const QString shownSignIn =
            QCoreApplication::translate("authkit::SignedOutPage", "&Sign in");
        QVERIFY(shownSignIn != QStringLiteral("&Sign in"));
        if (signIn.isEmpty())
            return; // German: its words are checked above
        QCOMPARE(shownSignIn, signIn);
        QCOMPARE(QCoreApplication::translate("authkit::SignedOutPage", "You are signed out"),
                 signedOut);
        QCOMPARE(QCoreApplication::translate("authkit::AccountPage", "Logged in as %1"), loggedIn);
        QCOMPARE(QCoreApplication::translate("MainWindow", "&Settings…"), settings);
    }

    // The language chosen in File > Settings wins over the system locale, English included.
    void settingsChooseTheLanguage()
    {
        QLocale::setDefault(QLocale(QStringLiteral("de_DE")));
        QSettings().setValue(QLatin1String(TranslationLoader::kLanguageKey), QStringLiteral("ja"));
        QStringList installed = TranslationLoader::install(*QCoreApplication::instance());
        QVERIFY2(installed.contains(QStringLiteral("authkitqt_ja")),
                 qPrintable(installed.join(u',')));
        QCOMPARE(QCoreApplication::translate("authkit::SignedOutPage", "&Sign in"),
                 QStringLiteral("サインイン(&S)"));
        cleanup();

        QLocale::setDefault(QLocale(QStringLiteral("fr_FR")));
        QSettings().setValue(QLatin1String(TranslationLoader::kLanguageKey), QStringLiteral("en"));
        installed = TranslationLoader::install(*QCoreApplication::instance());
        QVERIFY2(!installed.contains(QStringLiteral("authkitqt_fr")),
                 qPrintable(installed.join(u',')));
        QCOMPARE(QCoreApplication::translate("authkit::SignedOutPage", "&Sign in"),
                 QStringLiteral("&Sign in"));
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
