#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

class QTranslator;

namespace authkit::emulator {

struct HttpRequest;

// The language a hosted page is answered in: the best of English, German, French, Spanish and
// Japanese for the browser's Accept-Language (q-values honoured; English when none fits), with
// the catalogue compiled into the emulator (translations/authkitqt_emulator_<lang>.ts).
// Every page string is in the "HostedPages" context: classes that write page text declare
// Q_DECLARE_TR_FUNCTIONS(HostedPages) and call language.tr("…"), which lupdate reads as tr().
class PageLanguage
{
public:
    static constexpr const char *kContext = "HostedPages";

    PageLanguage() = default; // English
    static PageLanguage fromAcceptLanguage(const QByteArray &header);
    static PageLanguage of(const HttpRequest &request);
    static QStringList supported(); // "en" first

    QString code() const { return m_code; } // "en", "de", …
    QString tr(const char *source, const char *disambiguation = nullptr, int n = -1) const;
    // The translation, or an empty string when the catalogue has none (English has no catalogue).
    QString translationOf(const char *source, const char *disambiguation = nullptr) const;

private:
    explicit PageLanguage(const QString &code);

    QString m_code = QStringLiteral("en");
    const QTranslator *m_translator = nullptr;
};

} // namespace authkit::emulator
