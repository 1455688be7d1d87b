#pragma once

#include <authkitqt/convex/ConvexValue.h>

#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>
#include <authkitqt/convex/authkitqt_convex_export.h>

namespace authkit::convex {

class ConvexClient;

/// One subscription handed out by ConvexClient::subscribe(). Handles for the same function and
/// args share one server query. Destroying the handle unsubscribes (the query is removed from
/// the server's set when its last handle goes).
class AUTHKITQT_CONVEX_EXPORT ConvexQuery : public QObject
{
    Q_OBJECT
public:
    ~ConvexQuery() override;

    QString udfPath() const { return m_udfPath; }
    ConvexValue args() const { return m_args; }

    /// A result or an error has arrived.
    bool isReady() const { return m_ready; }
    bool hasError() const { return m_ready && m_error.has_value(); }
    ConvexValue value() const { return m_value; } ///< null until ready or when failed
    QString errorMessage() const { return m_error.value_or(QString()); }
    std::optional<ConvexValue> errorData() const { return m_errorData; }
    QStringList logLines() const { return m_logLines; }

Q_SIGNALS:
    void resultChanged(const authkit::convex::ConvexValue &value);
    /// errorData is null when the function did not throw a ConvexError (see errorData()).
    void failed(const QString &message, const authkit::convex::ConvexValue &errorData);

private:
    friend class ConvexClient;
    ConvexQuery(ConvexClient *client, const QString &key, const QString &udfPath,
                const ConvexValue &args, QObject *parent);
    void setResult(const ConvexValue &value, const QStringList &logLines);
    void setError(const QString &message, const std::optional<ConvexValue> &errorData,
                  const QStringList &logLines);

    QPointer<ConvexClient> m_client;
    QString m_key;
    QString m_udfPath;
    ConvexValue m_args;
    bool m_ready = false;
    ConvexValue m_value;
    std::optional<QString> m_error;
    std::optional<ConvexValue> m_errorData;
    QStringList m_logLines;
};

} // namespace authkit::convex
