#include <authkitqt/convex/ConvexClient.h>
#include <authkitqt/convex/ConvexQuery.h>

namespace authkit::convex {

ConvexQuery::ConvexQuery(ConvexClient *client, const QString &key, const QString &udfPath,
                         const ConvexValue &args, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_key(key)
    , m_udfPath(udfPath)
    , m_args(args)
{
}

ConvexQuery::~ConvexQuery()
{
    if (m_client)
        m_client->release(this);
}

void ConvexQuery::setResult(const ConvexValue &value, const QStringList &logLines)
{
    const bool changed = !m_ready || m_error || value != m_value;
    m_ready = true;
    m_error.reset();
    m_errorData.reset();
    m_value = value;
    m_logLines = logLines;
    if (changed)
        Q_EMIT resultChanged(value);
}

void ConvexQuery::setError(const QString &message, const std::optional<ConvexValue> &errorData,
                           const QStringList &logLines)
{
    m_ready = true;
    m_error = message;
    m_errorData = errorData;
    m_value = ConvexValue();
    m_logLines = logLines;
    Q_EMIT failed(message, errorData.value_or(ConvexValue()));
}

} // namespace authkit::convex
