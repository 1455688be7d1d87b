#include "HttpRequestReader_p.h"

#include <cstring>

namespace authkit::emulator {

namespace {

// RFC 9110 §5.6.2 token characters, for methods and header names.
bool isToken(const QByteArray &text) {
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || std::strchr("!#$%&'*+-.^_`|~", c) != nullptr;
        if (!ok || c == '\0')
            return false;
    }
    return true;
}

bool hasControlCharacters(const QByteArray &text) {
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && c != '\t') || byte == 0x7f)
            return true;
    }
    return false;
}

} // namespace

HttpRequestReader::Status HttpRequestReader::fail(int status, const QString &message) {
    m_phase = Phase::Failed;
    m_errorStatus = status;
    m_errorMessage = message;
    m_line.clear();
    m_request.body.clear();
    return Status::Failed;
}

void HttpRequestReader::reset() {
    m_phase = Phase::RequestLine;
    m_line.clear();
    m_headerBytes = 0;
    m_emptyLines = 0;
    m_bodyLength = 0;
    m_expectContinue = false;
    m_keepAlive = true;
    m_webSocketUpgrade = false;
    m_http10 = false;
    m_request = HttpRequest();
    m_errorStatus = 0;
    m_errorMessage.clear();
}

HttpRequest HttpRequestReader::takeRequest() {
    HttpRequest request = std::move(m_request);
    m_request = HttpRequest();
    return request;
}

HttpRequestReader::Status HttpRequestReader::feed(const char *data, qsizetype size,
                                                  qsizetype *consumed) {
    *consumed = 0;
    while (*consumed < size) {
        if (m_phase == Phase::Done)
            return Status::Complete;
        if (m_phase == Phase::Failed)
            return Status::Failed;
        const char *at = data + *consumed;
        const qsizetype left = size - *consumed;
        if (m_phase == Phase::Body) {
            const qsizetype take = qMin<qint64>(left, m_bodyLength - m_request.body.size());
            m_request.body.append(at, take);
            *consumed += take;
            if (m_request.body.size() == m_bodyLength)
                m_phase = Phase::Done;
            continue;
        }
        // A line: only what fits under the limit is kept, the rest is refused unread.
        const char *end = static_cast<const char *>(std::memchr(at, '\n', size_t(left)));
        const qsizetype chunk = end ? (end - at) + 1 : left;
        const bool requestLine = m_phase == Phase::RequestLine;
        const qsizetype limit =
            requestLine ? m_limits.maxRequestLineBytes : m_limits.maxHeaderBytes - m_headerBytes;
        if (m_line.size() + chunk > limit + 2) { // + CRLF
            return requestLine
                       ? fail(414, QStringLiteral("The request line is longer than %1 bytes.")
                                       .arg(m_limits.maxRequestLineBytes))
                       : fail(431, QStringLiteral("The request headers are larger than %1 bytes.")
                                       .arg(m_limits.maxHeaderBytes));
        }
        m_line.append(at, chunk);
        *consumed += chunk;
        if (!end)
            continue;
        if (!requestLine)
            m_headerBytes += int(m_line.size());
        QByteArray line = std::move(m_line);
        m_line = QByteArray();
        line.chop(1);
        if (line.endsWith('\r'))
            line.chop(1);
        if (lineComplete(line) == Status::Failed)
            return Status::Failed;
    }
    if (m_phase == Phase::Done)
        return Status::Complete;
    return m_phase == Phase::Failed ? Status::Failed : Status::NeedMore;
}

HttpRequestReader::Status HttpRequestReader::lineComplete(QByteArray line) {
    if (m_phase == Phase::RequestLine) {
        if (line.isEmpty()) {
            if (++m_emptyLines > 4)
                return fail(400, QStringLiteral("Expected a request line."));
            return Status::NeedMore;
        }
        return parseRequestLine(line);
    }
    if (line.isEmpty())
        return headersComplete();
    return parseHeader(line);
}

HttpRequestReader::Status HttpRequestReader::parseRequestLine(const QByteArray &line) {
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || !isToken(parts.at(0)))
        return fail(400, QStringLiteral("The request line is not \"METHOD /path HTTP/1.1\"."));
    const QByteArray &target = parts.at(1);
    if (!target.startsWith('/') || hasControlCharacters(target) || target.contains('#'))
        return fail(400, QStringLiteral("The request target must be a path (origin form)."));
    const QByteArray &version = parts.at(2);
    if (version == "HTTP/1.0")
        m_http10 = true;
    else if (version != "HTTP/1.1")
        return fail(505, QStringLiteral("Only HTTP/1.1 and HTTP/1.0 are spoken here."));
    m_request.method = parts.at(0);
    // Relative to a fixed origin, so that "//x" stays a path; the Host header is checked apart.
    m_request.url = QUrl::fromEncoded("http://127.0.0.1" + target);
    if (!m_request.url.isValid())
        return fail(400, QStringLiteral("The request target is not a valid path."));
    m_phase = Phase::Headers;
    return Status::NeedMore;
}

HttpRequestReader::Status HttpRequestReader::parseHeader(const QByteArray &line) {
    if (line.startsWith(' ') || line.startsWith('\t'))
        return fail(400, QStringLiteral("Folded header lines are not accepted."));
    if (m_request.headers.size() >= m_limits.maxHeaderCount)
        return fail(431,
                    QStringLiteral("More than %1 request headers.").arg(m_limits.maxHeaderCount));
    const int colon = int(line.indexOf(':'));
    if (colon <= 0)
        return fail(400, QStringLiteral("A header line has no name."));
    const QByteArray name = line.left(colon);
    const QByteArray value = line.mid(colon + 1).trimmed();
    if (!isToken(name) || hasControlCharacters(value))
        return fail(400, QStringLiteral("A header has a bad name or value."));
    m_request.headers.append({name, value});
    return Status::NeedMore;
}

HttpRequestReader::Status HttpRequestReader::headersComplete() {
    QByteArray length;
    bool hostSeen = false;
    m_keepAlive = !m_http10;
    for (const auto &[name, value] : std::as_const(m_request.headers)) {
        if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
            if (!length.isNull() && length != value)
                return fail(400, QStringLiteral("Conflicting Content-Length headers."));
            length = value;
        } else if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
            return fail(501, QStringLiteral("Transfer codings are not supported; send a "
                                            "Content-Length."));
        } else if (name.compare("host", Qt::CaseInsensitive) == 0) {
            if (hostSeen)
                return fail(400, QStringLiteral("More than one Host header."));
            hostSeen = true;
        } else if (name.compare("connection", Qt::CaseInsensitive) == 0) {
            const QByteArray options = value.toLower();
            if (options.contains("close"))
                m_keepAlive = false;
            else if (options.contains("keep-alive"))
                m_keepAlive = true;
        } else if (name.compare("expect", Qt::CaseInsensitive) == 0) {
            m_expectContinue = value.toLower() == "100-continue";
        } else if (name.compare("upgrade", Qt::CaseInsensitive) == 0) {
            m_webSocketUpgrade = value.toLower().contains("websocket");
        }
    }
    if (!hostSeen && !m_http10) // HTTP/1.1 requires Host (RFC 9112 §3.2)
        return fail(400, QStringLiteral("The Host header is missing."));
    m_bodyLength = 0;
    if (!length.isNull()) {
        bool ok = length.size() <= 18;
        for (const char c : std::as_const(length))
            ok = ok && c >= '0' && c <= '9';
        m_bodyLength = ok ? length.toLongLong(&ok) : 0;
        if (!ok)
            return fail(400, QStringLiteral("Content-Length is not a number."));
    }
    if (m_bodyLength > m_limits.maxBodyBytes)
        return fail(413, QStringLiteral("The request body is too large."));
    m_phase = m_bodyLength == 0 ? Phase::Done : Phase::Body;
    return m_phase == Phase::Done ? Status::Complete : Status::NeedMore;
}

} // namespace authkit::emulator
