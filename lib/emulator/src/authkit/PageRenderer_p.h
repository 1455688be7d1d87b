#pragma once

#include "HttpMessage_p.h"
#include "PageLanguage_p.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace authkit::emulator {

// Fills the hosted pages' HTML templates (resources/emulator/pages). {{name}} is replaced by the
// HTML-escaped value, {{{name}}} by the value as it is (markup this code built itself), and
// {{_ Some text}} by the text in the page's language, escaped (the texts are listed for the
// catalogues in PageTexts.cpp).
class PageRenderer
{
public:
    using Values = QHash<QString, QString>;

    // The page's body template inside layout.html, in the given language (<html lang>). An
    // "error" value shows in #error.
    static QByteArray render(const QString &page, const PageLanguage &language,
                             const QString &title, Values values);
    // The same as an HTML response that says its language (Content-Language) and that it varies
    // with the request's Accept-Language.
    static HttpResponse response(int status, const QString &page, const PageLanguage &language,
                                 const QString &title, Values values);
    static QString escape(const QString &text) { return text.toHtmlEscaped(); }
    // The {{_ …}} texts of a template, for the test that every one of them is translated.
    static QStringList textsOf(const QString &page);

private:
    static QString fill(const QString &text, const PageLanguage &language, const Values &values);
    static QString load(const QString &name);
};

} // namespace authkit::emulator
