#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QNetworkReply>
#include <QPair>
#include <QString>
#include <QUrl>

namespace authkit::testsupport {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// What one HTTP exchange produced: the status, headers and body, or the network error when no
// reply came (status 0).
struct HttpResult
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    bool timedOut = false;
    HeaderList headers;
    QByteArray body;
    qint64 elapsedMs = 0;

    // The first value of a header, case-insensitive; empty when absent.
    QByteArray header(const QByteArray &name) const;
    bool hasHeader(const QByteArray &name) const;
    // Every value of a header (Qt joins repeated Set-Cookie headers with newlines).
    QList<QByteArray> headerValues(const QByteArray &name) const;

    QUrl location() const;
    // The Location's query, decoded as a browser's URLSearchParams would ('+' is a space).
    QHash<QString, QString> locationQuery() const;

    QJsonObject json() const;      // empty unless the body is a JSON object
    bool isJsonObject() const;
    QByteArray compactJson() const; // the body re-serialized, keys sorted; empty if not JSON
    QString text() const { return QString::fromUtf8(body); }

    // "status 400, body ..." for failure messages.
    QByteArray describe() const;
};

} // namespace authkit::testsupport
