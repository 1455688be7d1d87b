#include <authkitqt/convex/RequestManager.h>

#include <QList>

#include <utility>

namespace authkit::convex {

void RequestManager::add(quint32 requestId, Kind kind, const QByteArray &frame, bool sent,
                         ConvexResultCallback done)
{
    Request request;
    request.kind = kind;
    request.status = sent ? Status::Requested : Status::NotSent;
    request.frame = frame;
    request.done = std::move(done);
    m_requests.insert(requestId, request);
}

void RequestManager::resendAll(const Sender &send)
{
    for (auto it = m_requests.begin(); it != m_requests.end(); ++it) {
        if (it->status != Status::Completed && send(it->frame))
            it->status = Status::Requested;
    }
}

void RequestManager::sendUnsent(const Sender &send)
{
    for (auto it = m_requests.begin(); it != m_requests.end(); ++it) {
        if (it->status == Status::NotSent && send(it->frame))
            it->status = Status::Requested;
    }
}

void RequestManager::failActionsInFlight(const QString &message)
{
    QList<quint32> failed;
    for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it) {
        if (it->kind == Kind::Action && it->status == Status::Requested)
            failed.append(it.key());
    }
    for (quint32 id : std::as_const(failed))
        finish(id, ConvexResult::failure(message));
}

std::optional<quint64>
RequestManager::onMutationResponse(const protocol::MutationResponse &response)
{
    auto it = m_requests.find(response.requestId);
    if (it == m_requests.end() || it->kind != Kind::Mutation || it->status == Status::Completed)
        return std::nullopt;
    const ConvexResult result = resultOf(response.success, response.result, response.errorMessage,
                                         response.errorData, response.logLines);
    if (!response.success || !response.ts) {
        finish(response.requestId, result);
        return std::nullopt;
    }
    it->status = Status::Completed;
    it->ts = *response.ts;
    it->result = result;
    return *response.ts;
}

void RequestManager::onActionResponse(const protocol::ActionResponse &response)
{
    const auto it = m_requests.constFind(response.requestId);
    if (it == m_requests.cend() || it->kind != Kind::Action)
        return;
    finish(response.requestId, resultOf(response.success, response.result, response.errorMessage,
                                        response.errorData, response.logLines));
}

void RequestManager::resolveCompleted(const StateVersion &remoteVersion)
{
    if (remoteVersion == StateVersion())
        return;
    QList<quint32> ready;
    for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it) {
        if (it->status == Status::Completed && it->ts <= remoteVersion.ts)
            ready.append(it.key());
    }
    for (quint32 id : std::as_const(ready)) {
        // A callback may have closed the manager (failAll) before this one's turn.
        if (!m_requests.contains(id))
            continue;
        const Request request = m_requests.take(id);
        if (request.done)
            request.done(request.result);
    }
}

void RequestManager::failAll(const QString &message)
{
    const auto requests = std::exchange(m_requests, {});
    for (const Request &request : requests) {
        if (request.done)
            request.done(ConvexResult::failure(message));
    }
}

std::optional<RequestManager::Status> RequestManager::status(quint32 requestId) const
{
    const auto it = m_requests.constFind(requestId);
    if (it == m_requests.cend())
        return std::nullopt;
    return it->status;
}

ConvexResult RequestManager::resultOf(bool success, const ConvexValue &value,
                                      const QString &errorMessage,
                                      const std::optional<ConvexValue> &errorData,
                                      const QStringList &logLines)
{
    ConvexResult result;
    result.success = success;
    result.value = value;
    result.errorMessage = errorMessage;
    result.errorData = errorData;
    result.logLines = logLines;
    return result;
}

void RequestManager::finish(quint32 requestId, const ConvexResult &result)
{
    const Request request = m_requests.take(requestId);
    if (request.done)
        request.done(result);
}

} // namespace authkit::convex
