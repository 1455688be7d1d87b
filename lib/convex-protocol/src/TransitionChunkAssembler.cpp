#include <authkitqt/convex/TransitionChunkAssembler.h>

#include <utility>

namespace authkit::convex {

TransitionChunkAssembler::Status TransitionChunkAssembler::addChunk(
    const protocol::TransitionChunk &chunk)
{
    m_error.clear();
    if (chunk.totalParts == 0 || chunk.partNumber >= chunk.totalParts) {
        return failWith(QStringLiteral("Invalid TransitionChunk: part %1 of %2")
                            .arg(chunk.partNumber)
                            .arg(chunk.totalParts));
    }
    if (m_active && chunk.transitionId != m_transitionId)
        return failWith(QStringLiteral("Invalid TransitionChunk: transitionId changed mid-sequence"));
    if (m_active && chunk.totalParts != m_totalParts) {
        return failWith(QStringLiteral("Invalid TransitionChunk: totalParts changed from %1 to %2")
                            .arg(m_totalParts)
                            .arg(chunk.totalParts));
    }
    if (!m_active) {
        m_active = true;
        m_transitionId = chunk.transitionId;
        m_totalParts = chunk.totalParts;
        m_receivedParts = 0;
        m_buffer.clear();
    }
    if (chunk.partNumber != m_receivedParts) {
        return failWith(
            QStringLiteral("TransitionChunk received out of order: expected part %1, got %2")
                .arg(m_receivedParts)
                .arg(chunk.partNumber));
    }
    // The server cuts on UTF-8 boundaries, so each piece converts on its own.
    m_buffer += chunk.chunk.toUtf8();
    if (m_buffer.size() > m_maxBytes)
        return failWith(QStringLiteral("Transition is larger than %1 bytes").arg(m_maxBytes));
    if (++m_receivedParts < m_totalParts)
        return Status::Incomplete;

    const QByteArray text = std::exchange(m_buffer, QByteArray());
    reset();
    QString problem;
    auto message = protocol::parseServerMessage(text, &problem);
    if (!message)
        return failWith(QStringLiteral("Assembled TransitionChunks: ") + problem);
    auto *transition = std::get_if<protocol::Transition>(&*message);
    if (!transition) {
        return failWith(QStringLiteral("Expected Transition, got %1 after assembling chunks")
                            .arg(protocol::messageType(*message)));
    }
    m_transition = std::move(*transition);
    return Status::Complete;
}

protocol::Transition TransitionChunkAssembler::takeTransition()
{
    return std::exchange(m_transition, protocol::Transition());
}

bool TransitionChunkAssembler::discardIfInterruptedBy(const protocol::ServerMessage &message)
{
    if (!m_active || std::holds_alternative<protocol::Ping>(message)
        || std::holds_alternative<protocol::TransitionChunk>(message)) {
        return false;
    }
    reset();
    m_error = QStringLiteral("Received unexpected %1 while buffering TransitionChunks")
                  .arg(protocol::messageType(message));
    return true;
}

void TransitionChunkAssembler::reset()
{
    m_active = false;
    m_transitionId.clear();
    m_totalParts = 0;
    m_receivedParts = 0;
    m_buffer.clear();
}

TransitionChunkAssembler::Status TransitionChunkAssembler::failWith(const QString &error)
{
    reset();
    m_error = error;
    return Status::Failed;
}

} // namespace authkit::convex
