#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

namespace authkit::emulator {

// A copy of one HTTP request, detached from the socket so that a handler may run later (a
// delayed reply) and tests can build one by hand.
struct HttpRequest
{
    QByteArray method;                 // "GET", "POST", ...
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QString path() const { return url.path(); }
    QString query(const QString &name) const; // decoded; '+' is a space
    bool hasQuery(const QString &name) const;
    QByteArray header(const QByteArray &name) const; // case-insensitive, first match
    QString cookie(const QString &name) const;
    QByteArray mediaType() const; // Content-Type without parameters, lower case
    // Fields of an application/x-www-form-urlencoded body, decoded.
    QString formField(const QString &name) const;
    QHash<QString, QString> formFields() const;
};

struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    static HttpResponse json(int status, const QJsonObject &object);
    static HttpResponse html(int status, const QByteArray &page);
    static HttpResponse text(int status, const QByteArray &text, const QByteArray &type);
    static HttpResponse redirect(const QUrl &location);

    HttpResponse &withHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;

    // The bytes on the wire, HTTP/1.1.
    QByteArray serialize(bool closeConnection) const;
};

// WorkOS's two error envelopes and the bare message one (lib/emulator/README.md, "Endpoints").
HttpResponse oauthError(int status, const QString &error, const QString &description);
HttpResponse codeError(int status, const QString &code, const QString &message);
HttpResponse messageError(int status, const QString &message);

QString isoTimestamp(const QDateTime &time); // 2026-01-15T12:00:00.000Z

} // namespace authkit::emulator
