#pragma once

#include <authkitqt/convex/ServerMessages.h>

#include <QByteArray>
#include <QString>
#include <authkitqt/convex/authkitqt_convexprotocol_export.h>

namespace authkit::convex {

/// Puts a Transition back together from its TransitionChunk messages (convex-js
/// web_socket_manager.ts), as the JS client's WebSocketManager does: parts come in order from 0
/// with one transitionId and one totalParts; anything else drops the buffer and fails. A Ping does
/// not interrupt a sequence; any other message does (discardIfInterruptedBy), and the socket
/// closing must reset().
///
/// if (const auto *chunk = std::get_if<protocol::TransitionChunk>(&message)) { switch
/// (m_assembler.addChunk(*chunk)) { case TransitionChunkAssembler::Status::Incomplete: return; case
/// TransitionChunkAssembler::Status::Failed: /* log errorString() */ return; case
/// TransitionChunkAssembler::Status::Complete: message = m_assembler.takeTransition(); } } else if
/// (m_assembler.discardIfInterruptedBy(message)) { /* log errorString() */ }
class AUTHKITQT_CONVEXPROTOCOL_EXPORT TransitionChunkAssembler
{
public:
    enum class Status { Incomplete, Complete, Failed };

    /// Large enough for any transition a server sends (the JS client warns from 20 MB), small
    /// enough that a hostile one cannot make us buffer without end.
    static constexpr qsizetype kDefaultMaxBytes = 256 * 1024 * 1024;

    Status addChunk(const protocol::TransitionChunk &chunk);
    /// The Transition that the last addChunk() completed; afterwards empty again.
    protocol::Transition takeTransition();

    /// For every message that is not a chunk: a Ping leaves a partial sequence alone, anything
    /// else drops it. Returns true (and sets errorString()) when a partial sequence was dropped.
    bool discardIfInterruptedBy(const protocol::ServerMessage &message);
    /// Drops any partial sequence silently: call it when the socket closes.
    void reset();

    bool isAssembling() const { return m_active; }
    qsizetype receivedParts() const { return m_receivedParts; }
    QString errorString() const { return m_error; }

    void setMaxBytes(qsizetype bytes) { m_maxBytes = bytes; }
    qsizetype maxBytes() const { return m_maxBytes; }

private:
    Status failWith(const QString &error);

    bool m_active = false; ///< a sequence is in progress
    QString m_transitionId;
    quint32 m_totalParts = 0;
    quint32 m_receivedParts = 0;
    QByteArray m_buffer; ///< the UTF-8 JSON text so far
    qsizetype m_maxBytes = kDefaultMaxBytes;
    protocol::Transition m_transition;
    QString m_error;
};

} // namespace authkit::convex
