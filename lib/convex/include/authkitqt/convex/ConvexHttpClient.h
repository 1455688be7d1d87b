#pragma once

#include <authkitqt/convex/ConvexResult.h>
#include <authkitqt/convex/ConvexValue.h>

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <optional>
#include <authkitqt/convex/authkitqt_convex_export.h>

QT_FORWARD_DECLARE_CLASS(QNetworkAccessManager)

namespace authkit::convex {

/// One-shot calls on the deployment's HTTP API (convex-js http_client.ts): POST /api/query,
/// /api/mutation, /api/action with {"path","args","format":"convex_encoded_json"}, a Bearer token
/// when one is set. A function's own error (HTTP 200 or 560 with status "error") comes back with
/// its errorData; any other failure (401 {code,message}, network) as errorMessage, with
/// httpStatus/errorCode in the result for callers that care.
class AUTHKITQT_CONVEX_EXPORT ConvexHttpClient : public QObject
{
    Q_OBJECT
public:
    explicit ConvexHttpClient(const QUrl &deploymentUrl, QNetworkAccessManager *network = nullptr,
                              QObject *parent = nullptr);

    void setAuthToken(const QString &token) { m_token = token; }
    void clearAuthToken() { m_token.reset(); }
    bool hasAuthToken() const { return m_token.has_value(); }

    void query(const QString &path, const ConvexValue &args, ConvexResultCallback done);
    void mutation(const QString &path, const ConvexValue &args, ConvexResultCallback done);
    void action(const QString &path, const ConvexValue &args, ConvexResultCallback done);

    QUrl deploymentUrl() const { return m_url; }

private:
    void call(const QString &kind, const QString &path, const ConvexValue &args,
              ConvexResultCallback done);

    QUrl m_url;
    QPointer<QNetworkAccessManager> m_network;
    std::optional<QString> m_token;
};

} // namespace authkit::convex
