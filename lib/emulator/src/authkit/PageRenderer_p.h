#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace authkit::emulator {

// Fills the hosted pages' HTML templates (resources/emulator/pages). {{name}} is replaced by the
// HTML-escaped value, {{{name}}} by the value as it is (markup this code built itself).
class PageRenderer
{
public:
    using Values = QHash<QString, QString>;

    // The page's body template inside layout.html. An "error" value shows in #error.
    static QByteArray render(const QString &page, const QString &title, Values values);
    static QString escape(const QString &text) { return text.toHtmlEscaped(); }

private:
    static QString fill(const QString &text, const Values &values);
    static QString load(const QString &name);
};

} // namespace authkit::emulator
