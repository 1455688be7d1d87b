#include "HttpResult.h"

#include "FormEncoding.h"

#include <QJsonDocument>

namespace authkit::testsupport {

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool HttpResult::hasHeader(const QByteArray &name) const
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QList<QByteArray> HttpResult::headerValues(const QByteArray &name) const
{
    QList<QByteArray> values;
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            values.append(value.split('\n'));
    }
    return values;
}

QUrl HttpResult::location() const
{
    return QUrl::fromEncoded(header("Location"), QUrl::StrictMode);
}

QHash<QString, QString> HttpResult::locationQuery() const
{
    return parseFormEncoded(location().query(QUrl::FullyEncoded).toLatin1());
}

QJsonObject HttpResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

bool HttpResult::isJsonObject() const
{
    return QJsonDocument::fromJson(body).isObject();
}

QByteArray HttpResult::compactJson() const
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isNull())
        return {};
    return document.toJson(QJsonDocument::Compact);
}

QByteArray HttpResult::describe() const
{
    QByteArray out = "status " + QByteArray::number(status);
    if (error != QNetworkReply::NoError)
        out += ", network error " + QByteArray::number(static_cast<int>(error)) + " ("
               + errorString.toUtf8() + ')';
    if (timedOut)
        out += ", timed out";
    if (!header("Location").isEmpty())
        out += ", Location " + header("Location");
    out += ", body " + body.left(600);
    return out;
}

} // namespace authkit::testsupport
