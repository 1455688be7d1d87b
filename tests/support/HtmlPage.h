#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace authkit::testsupport {

// Just enough HTML scraping for the emulator's hosted pages, whose element ids are a contract
// (lib/emulator/README.md). Not a parser: it finds start tags by id and reads their attributes.
class HtmlPage
{
public:
    explicit HtmlPage(const QByteArray &html);

    bool hasElement(const QString &id) const;
    // The start tag of the element with that id, e.g. <input id="email" ...>; empty if none.
    QString startTag(const QString &id) const;
    // An attribute of that element, entity-decoded; null when the element or attribute is absent.
    QString attribute(const QString &id, const QString &name) const;
    bool hasAttribute(const QString &id, const QString &name) const;
    // The text up to the element's first child tag or end tag, entity-decoded and trimmed.
    QString text(const QString &id) const;
    // The value of <input name=...> (the first one), e.g. the hidden "attempt".
    QString inputValue(const QString &name) const;
    // The ids of all elements whose id starts with prefix, in document order.
    QStringList idsWithPrefix(const QString &prefix) const;
    // The error the page shows in #error, or empty when #error is hidden.
    QString shownError() const;
    QString title() const; // <h1 id="page-title">

    static QString decodeEntities(QString text);
    const QString &html() const { return m_html; }

private:
    QString m_html;
};

} // namespace authkit::testsupport
