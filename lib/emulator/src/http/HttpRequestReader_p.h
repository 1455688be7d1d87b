#pragma once

#include "HttpMessage_p.h"

#include <QByteArray>
#include <QString>

namespace authkit::emulator {

// How much of a request the emulator's HTTP reader accepts. Every limit is checked while the
// bytes arrive, so an oversized request is refused before it is held in memory.
struct HttpLimits {
    int maxRequestLineBytes = 8 * 1024;
    int maxHeaderBytes = 32 * 1024; // all header lines together
    int maxHeaderCount = 100;
    qint64 maxBodyBytes = 1024 * 1024;
};

// An incremental HTTP/1.1 request parser (RFC 9112) for one connection: fed bytes as they
// arrive, it yields one request at a time or the status that refuses it (400, 413, 414, 431,
// 501, 505). Bodies need Content-Length; transfer codings are refused.
class HttpRequestReader {
public:
    enum class Status { NeedMore, Complete, Failed };

    explicit HttpRequestReader(HttpLimits limits)
        : m_limits(limits) {}

    // Parses as much of data as belongs to the current request; *consumed says how much that
    // was (the rest starts the next request). Complete: takeRequest(). Failed: errorStatus().
    Status feed(const char *data, qsizetype size, qsizetype *consumed);

    bool started() const { return m_phase != Phase::RequestLine || !m_line.isEmpty(); }
    bool headersDone() const { return m_phase == Phase::Body || m_phase == Phase::Done; }
    // The client sent Expect: 100-continue and waits for a go-ahead before the body.
    bool wantsContinue() const { return m_expectContinue && m_phase == Phase::Body; }
    // The request is HTTP/1.1 without Connection: close, or HTTP/1.0 with keep-alive.
    bool keepAlive() const { return m_keepAlive; }
    // The headers asked for a WebSocket (Upgrade: websocket), known once headersDone().
    bool webSocketUpgrade() const { return m_webSocketUpgrade; }

    HttpRequest takeRequest();
    int errorStatus() const { return m_errorStatus; }
    QString errorMessage() const { return m_errorMessage; }

    void reset(); // ready for the next request on the same connection

private:
    enum class Phase { RequestLine, Headers, Body, Done, Failed };

    Status fail(int status, const QString &message);
    Status lineComplete(QByteArray line);
    Status parseRequestLine(const QByteArray &line);
    Status parseHeader(const QByteArray &line);
    Status headersComplete();

    HttpLimits m_limits;
    Phase m_phase = Phase::RequestLine;
    QByteArray m_line;     // the line being read, without its end
    int m_headerBytes = 0; // header lines so far, ends included
    int m_emptyLines = 0;  // CRLFs before the request line (RFC 9112 §2.2 allows one)
    qint64 m_bodyLength = 0;
    bool m_expectContinue = false;
    bool m_keepAlive = true;
    bool m_webSocketUpgrade = false;
    bool m_http10 = false;
    HttpRequest m_request;
    int m_errorStatus = 0;
    QString m_errorMessage;
};

} // namespace authkit::emulator
