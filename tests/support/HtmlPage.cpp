#include "HtmlPage.h"

#include <QRegularExpression>

namespace authkit::testsupport {

HtmlPage::HtmlPage(const QByteArray &html)
    : m_html(QString::fromUtf8(html))
{
}

QString HtmlPage::decodeEntities(QString text)
{
    text.replace(QLatin1String("&lt;"), QLatin1String("<"));
    text.replace(QLatin1String("&gt;"), QLatin1String(">"));
    text.replace(QLatin1String("&quot;"), QLatin1String("\""));
    text.replace(QLatin1String("&#39;"), QLatin1String("'"));
    text.replace(QLatin1String("&#x27;"), QLatin1String("'"));
    text.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return text;
}

QString HtmlPage::startTag(const QString &id) const
{
    const QRegularExpression tag(QStringLiteral("<[a-zA-Z0-9]+\\s[^>]*\\bid=\"%1\"[^>]*>")
                                     .arg(QRegularExpression::escape(id)));
    return tag.match(m_html).captured(0);
}

bool HtmlPage::hasElement(const QString &id) const
{
    return !startTag(id).isEmpty();
}

QString HtmlPage::attribute(const QString &id, const QString &name) const
{
    const QString tag = startTag(id);
    if (tag.isEmpty())
        return {};
    const QRegularExpression attribute(
        QStringLiteral("\\s%1=\"([^\"]*)\"").arg(QRegularExpression::escape(name)));
    const auto match = attribute.match(tag);
    if (!match.hasMatch())
        return {};
    const QString value = decodeEntities(match.captured(1));
    return value.isNull() ? QStringLiteral("") : value;
}

bool HtmlPage::hasAttribute(const QString &id, const QString &name) const
{
    const QString tag = startTag(id);
    const QRegularExpression attribute(
        QStringLiteral("\\s%1(=|\\s|>|$)").arg(QRegularExpression::escape(name)));
    return !tag.isEmpty() && attribute.match(tag).hasMatch();
}

QString HtmlPage::text(const QString &id) const
{
    const QString tag = startTag(id);
    if (tag.isEmpty())
        return {};
    const int start = m_html.indexOf(tag) + tag.size();
    const int end = m_html.indexOf(QLatin1Char('<'), start);
    return decodeEntities(m_html.mid(start, end < 0 ? -1 : end - start)).trimmed();
}

QString HtmlPage::inputValue(const QString &name) const
{
    const QRegularExpression input(QStringLiteral("<input\\s[^>]*\\bname=\"%1\"[^>]*>")
                                       .arg(QRegularExpression::escape(name)));
    const QString tag = input.match(m_html).captured(0);
    const QRegularExpression value(QStringLiteral("\\svalue=\"([^\"]*)\""));
    const auto match = value.match(tag);
    return match.hasMatch() ? decodeEntities(match.captured(1)) : QString();
}

QStringList HtmlPage::idsWithPrefix(const QString &prefix) const
{
    QStringList ids;
    const QRegularExpression id(
        QStringLiteral("\\bid=\"(%1[^\"]*)\"").arg(QRegularExpression::escape(prefix)));
    auto it = id.globalMatch(m_html);
    while (it.hasNext())
        ids.append(it.next().captured(1));
    return ids;
}

QString HtmlPage::shownError() const
{
    if (!hasElement(QStringLiteral("error")) || hasAttribute(QStringLiteral("error"), QStringLiteral("hidden")))
        return {};
    return text(QStringLiteral("error"));
}

QString HtmlPage::title() const
{
    return text(QStringLiteral("page-title"));
}

} // namespace authkit::testsupport
