#include "FormEncoding.h"

namespace authkit::testsupport {

QByteArray formEncode(const QueryItems &items)
{
    QByteArray out;
    for (const auto &[key, value] : items) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

QHash<QString, QString> parseFormEncoded(const QByteArray &encoded)
{
    QHash<QString, QString> fields;
    const QList<QByteArray> pairs = encoded.split('&');
    for (QByteArray pair : pairs) {
        if (pair.isEmpty())
            continue;
        pair.replace('+', ' ');
        const int eq = pair.indexOf('=');
        const QByteArray key = eq < 0 ? pair : pair.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        fields.insert(QString::fromUtf8(QByteArray::fromPercentEncoding(key)),
                      QString::fromUtf8(QByteArray::fromPercentEncoding(value)));
    }
    return fields;
}

QUrl urlWith(const QUrl &base, const QString &path, const QueryItems &items)
{
    QUrl url = base;
    url.setPath(path);
    if (!items.isEmpty())
        url.setQuery(QString::fromLatin1(formEncode(items)), QUrl::StrictMode);
    return url;
}

void setItem(QueryItems &items, const QString &key, const QString &value)
{
    for (auto &item : items) {
        if (item.first == key) {
            item.second = value;
            return;
        }
    }
    items.append({key, value});
}

void removeItem(QueryItems &items, const QString &key)
{
    items.removeIf([&key](const QPair<QString, QString> &item) { return item.first == key; });
}

} // namespace authkit::testsupport
