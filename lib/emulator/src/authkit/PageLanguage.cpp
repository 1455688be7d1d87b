#include "PageLanguage_p.h"

#include "HttpMessage_p.h"

#include <QHash>
#include <QTranslator>

#include <algorithm>
#include <memory>
#include <vector>

namespace authkit::emulator {

namespace {

// The catalogues, loaded once from the emulator's resources (lib/emulator/CMakeLists.txt).
const QTranslator *catalogue(const QString &code)
{
    static const auto loaded = [] {
        auto translators = std::make_shared<QHash<QString, std::shared_ptr<QTranslator>>>();
        for (const QString &language : PageLanguage::supported()) {
            auto translator = std::make_shared<QTranslator>();
            if (translator->load(QStringLiteral(":/authkit-emulator/i18n/authkitqt_emulator_%1.qm")
                                     .arg(language)))
                translators->insert(language, translator);
        }
        return translators;
    }();
    const auto found = loaded->constFind(code);
    return found == loaded->constEnd() ? nullptr : found->get();
}

struct Preference
{
    QString language; // primary subtag, lower case; "*" for any
    double quality = 1.0;
    int order = 0;
};

// RFC 9110 §12.5.4: "fr-CH, fr;q=0.9, en;q=0.8, *;q=0.5". A malformed q counts as 0 (not
// acceptable) rather than as 1, so that garbage never outranks what the browser really asked for.
std::vector<Preference> preferences(const QByteArray &header)
{
    std::vector<Preference> found;
    int order = 0;
    for (const QByteArray &item : header.split(',')) {
        const QList<QByteArray> parts = item.split(';');
        Preference preference;
        preference.language =
            QString::fromLatin1(parts.first().trimmed()).section(QLatin1Char('-'), 0, 0).toLower();
        if (preference.language.isEmpty())
            continue;
        for (int i = 1; i < parts.size(); ++i) {
            const QByteArray parameter = parts.at(i).trimmed();
            if (parameter.startsWith("q=") || parameter.startsWith("Q=")) {
                bool ok = false;
                preference.quality = parameter.mid(2).toDouble(&ok);
                if (!ok || preference.quality < 0 || preference.quality > 1)
                    preference.quality = 0;
            }
        }
        preference.order = order++;
        if (preference.quality > 0)
            found.push_back(preference);
    }
    std::stable_sort(found.begin(), found.end(), [](const Preference &a, const Preference &b) {
        return a.quality > b.quality;
    });
    return found;
}

} // namespace

QStringList PageLanguage::supported()
{
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr"), QStringLiteral("es"),
            QStringLiteral("ja")};
}

PageLanguage::PageLanguage(const QString &code)
    : m_code(code)
    , m_translator(catalogue(code))
{
}

PageLanguage PageLanguage::fromAcceptLanguage(const QByteArray &header)
{
    const QStringList languages = supported();
    for (const Preference &preference : preferences(header)) {
        if (preference.language == QLatin1String("*"))
            return PageLanguage(); // anything will do: English, the pages' own language
        if (languages.contains(preference.language))
            return PageLanguage(preference.language);
    }
    return PageLanguage();
}

PageLanguage PageLanguage::of(const HttpRequest &request)
{
    return fromAcceptLanguage(request.header("accept-language"));
}

QString PageLanguage::translationOf(const char *source, const char *disambiguation) const
{
    return m_translator ? m_translator->translate(kContext, source, disambiguation) : QString();
}

QString PageLanguage::tr(const char *source, const char *disambiguation, int n) const
{
    QString text =
        m_translator ? m_translator->translate(kContext, source, disambiguation, n) : QString();
    if (text.isEmpty())
        text = QString::fromUtf8(source);
    if (n >= 0)
        text.replace(QLatin1String("%n"), QString::number(n));
    return text;
}

} // namespace authkit::emulator
