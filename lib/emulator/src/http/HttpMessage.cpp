#include "HttpMessage_p.h"

#include <QDateTime>
#include <QJsonDocument>

namespace authkit::emulator {

namespace {
// Both query strings and form bodies use '+' for a space (URLSearchParams does); QUrlQuery
// does not, so it is turned into %20 before parsing. A literal '+' arrives as %2B.
QUrlQuery parseFormEncoded(QByteArray encoded)
{
    encoded.replace('+', "%20");
    return QUrlQuery(QString::fromLatin1(encoded));
}
} // namespace

QString HttpRequest::query(const QString &name) const
{
    return parseFormEncoded(url.query(QUrl::FullyEncoded).toLatin1())
        .queryItemValue(name, QUrl::FullyDecoded);
}

bool HttpRequest::hasQuery(const QString &name) const
{
    return parseFormEncoded(url.query(QUrl::FullyEncoded).toLatin1()).hasQueryItem(name);
}

QString HttpRequest::formField(const QString &name) const
{
    return parseFormEncoded(body).queryItemValue(name, QUrl::FullyDecoded);
}

QHash<QString, QString> HttpRequest::formFields() const
{
    QHash<QString, QString> fields;
    const auto items = parseFormEncoded(body).queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items)
        fields.insert(key, value);
    return fields;
}

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString HttpRequest::cookie(const QString &name) const
{
    const QList<QByteArray> pairs = header("cookie").split(';');
    for (const QByteArray &pair : pairs) {
        const int eq = pair.indexOf('=');
        if (eq > 0 && QString::fromLatin1(pair.left(eq).trimmed()) == name)
            return QString::fromLatin1(pair.mid(eq + 1).trimmed());
    }
    return {};
}

QByteArray HttpRequest::mediaType() const
{
    QByteArray type = header("content-type");
    const int semicolon = type.indexOf(';');
    if (semicolon >= 0)
        type.truncate(semicolon);
    return type.trimmed().toLower();
}

HttpResponse HttpResponse::json(int status, const QJsonObject &object)
{
    return text(status, QJsonDocument(object).toJson(QJsonDocument::Compact),
                "application/json; charset=utf-8");
}

HttpResponse HttpResponse::html(int status, const QByteArray &page)
{
    return text(status, page, "text/html; charset=utf-8");
}

HttpResponse HttpResponse::text(int status, const QByteArray &text, const QByteArray &type)
{
    HttpResponse response;
    response.status = status;
    response.body = text;
    response.headers.append({"Content-Type", type});
    return response;
}

HttpResponse HttpResponse::redirect(const QUrl &location)
{
    HttpResponse response;
    response.status = 302;
    response.headers.append({"Location", location.toEncoded()});
    return response;
}

HttpResponse &HttpResponse::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

namespace {
QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 302: return "Found";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 421: return "Misdirected Request";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    case 505: return "HTTP Version Not Supported";
    default: return "Status";
    }
}
} // namespace

QByteArray HttpResponse::serialize(bool closeConnection) const
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &[name, value] : headers)
        out += name + ": " + value + "\r\n";
    // RFC 9110 §8.6: a 204 carries no Content-Length (CORS preflights answer 204).
    if (status != 204)
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "Cache-Control: no-store\r\n";
    if (closeConnection)
        out += "Connection: close\r\n";
    out += "\r\n";
    out += body;
    return out;
}

HttpResponse oauthError(int status, const QString &error, const QString &description)
{
    return HttpResponse::json(status, {{QStringLiteral("error"), error},
                                       {QStringLiteral("error_description"), description}});
}

HttpResponse codeError(int status, const QString &code, const QString &message)
{
    return HttpResponse::json(status,
                              {{QStringLiteral("code"), code}, {QStringLiteral("message"), message}});
}

HttpResponse messageError(int status, const QString &message)
{
    return HttpResponse::json(status, {{QStringLiteral("message"), message}});
}

QString isoTimestamp(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace authkit::emulator
