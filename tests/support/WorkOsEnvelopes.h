#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace authkit::testsupport {

// The exact bodies of WorkOS's error envelopes (docs/workos-authkit.md#errors), serialized as
// HttpResult::compactJson() serializes a reply, so QCOMPARE shows both sides.
inline QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

inline QByteArray oauthErrorBody(const QString &error, const QString &description)
{
    return compact({{QStringLiteral("error"), error},
                    {QStringLiteral("error_description"), description}});
}

inline QByteArray codeErrorBody(const QString &code, const QString &message)
{
    return compact({{QStringLiteral("code"), code}, {QStringLiteral("message"), message}});
}

inline QByteArray messageBody(const QString &message)
{
    return compact({{QStringLiteral("message"), message}});
}

} // namespace authkit::testsupport
