#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace authkit::testsupport {

using QueryItems = QList<QPair<QString, QString>>;

// application/x-www-form-urlencoded, every byte outside the RFC 3986 unreserved set
// percent-encoded (so '+', '&' and spaces survive any decoder).
QByteArray formEncode(const QueryItems &items);
// The reverse, as URLSearchParams decodes: '+' is a space.
QHash<QString, QString> parseFormEncoded(const QByteArray &encoded);

// base with path and the items as its query (encoded by formEncode).
QUrl urlWith(const QUrl &base, const QString &path, const QueryItems &items = {});

// Sets (replacing) or removes one item of a query list.
void setItem(QueryItems &items, const QString &key, const QString &value);
void removeItem(QueryItems &items, const QString &key);

} // namespace authkit::testsupport
