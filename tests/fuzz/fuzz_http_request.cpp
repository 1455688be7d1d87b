// The emulator's HTTP/1.1 request reader on any bytes as what one connection receives, driven as
// HttpConnection drives it (a request, reset, the next one on the same bytes). The same bytes
// are fed at once, one byte at a time and in 13-byte pieces: how TCP splits a stream must not
// change what is read. Each request then goes through the accessors the handlers use (query,
// form body, cookies, Host and Origin checks, the page language from Accept-Language).
#include "FuzzSupport.h"

#include "HttpRequestReader_p.h"
#include "LoopbackHost_p.h"
#include "PageLanguage_p.h"

using authkit::emulator::HttpRequest;
using authkit::emulator::HttpRequestReader;
using authkit::fuzz::check;

namespace {

constexpr quint16 kPort = 4598;

// Small limits, so the fuzzer reaches every one of them.
authkit::emulator::HttpLimits limits() {
    authkit::emulator::HttpLimits l;
    l.maxRequestLineBytes = 512;
    l.maxHeaderBytes = 2048;
    l.maxHeaderCount = 16;
    l.maxBodyBytes = 4096;
    return l;
}

void useRequest(const HttpRequest &request) {
    (void)request.path();
    (void)request.query(QStringLiteral("code"));
    (void)request.hasQuery(QStringLiteral("state"));
    (void)request.cookie(QStringLiteral("authkit_emulator_session"));
    const QHash<QString, QString> fields = request.formFields();
    for (auto it = fields.cbegin(); it != fields.cend(); ++it)
        (void)request.formField(it.key());
    const QByteArray type = request.mediaType();
    check(type == type.trimmed().toLower() && !type.contains(';'), "a media type is bare");

    using authkit::emulator::LoopbackHost;
    const QByteArray host = request.header("host");
    if (LoopbackHost::accepts(host, kPort)) {
        const QByteArray name = host.trimmed().toLower();
        check(name.startsWith("127.0.0.1:") || name.startsWith("localhost:") ||
                  name.startsWith("[::1]:"),
              "only a loopback name with a port is accepted as Host");
    }
    if (LoopbackHost::acceptsOrigin(request.header("origin"), kPort))
        check(request.header("origin").startsWith("http://"), "an Origin is http");

    // The hosted pages' language (any web page's fetch chooses the header): always one of ours.
    using authkit::emulator::PageLanguage;
    const PageLanguage language = PageLanguage::of(request);
    check(PageLanguage::supported().contains(language.code()), "a page language is supported");
}

// What the reader made of the stream, one line per event, fed in pieces of `piece` bytes
// (0: all at once).
QByteArrayList transcript(const QByteArray &input, qsizetype piece) {
    QByteArrayList events;
    HttpRequestReader reader(limits());
    qsizetype offset = 0;
    qsizetype available = piece > 0 ? qMin(piece, input.size()) : input.size();
    for (int guard = 0; guard < 100000; ++guard) {
        qsizetype consumed = -1;
        const auto status = reader.feed(input.constData() + offset, available - offset, &consumed);
        check(consumed >= 0 && consumed <= available - offset, "feed consumes what it was given");
        offset += consumed;
        if (status == HttpRequestReader::Status::Failed) {
            const int code = reader.errorStatus();
            check(code == 400 || code == 413 || code == 414 || code == 431 || code == 501 ||
                      code == 505,
                  "a refusal is one of the documented statuses");
            check(!reader.errorMessage().isEmpty(), "a refusal says why");
            events << "failed " + QByteArray::number(code);
            return events;
        }
        if (status == HttpRequestReader::Status::Complete) {
            const bool keepAlive = reader.keepAlive();
            const HttpRequest request = reader.takeRequest();
            check(request.url.isValid() && request.url.path().startsWith(QLatin1Char('/')),
                  "a request has a path");
            check(request.headers.size() <= limits().maxHeaderCount, "the header count is kept");
            check(request.body.size() <= limits().maxBodyBytes, "the body limit is kept");
            useRequest(request);
            QByteArray event = request.method + ' ' + request.url.toEncoded() + " body " +
                               QByteArray::number(request.body.size()) + " keep-alive " +
                               QByteArray::number(keepAlive);
            for (const auto &[name, value] : request.headers)
                event += '\n' + name + ": " + value;
            events << event << request.body;
            if (!keepAlive)
                return events;
            reader.reset();
            continue;
        }
        check(offset == available, "NeedMore only when everything was read");
        if (available == input.size()) {
            events << (reader.started() ? "incomplete" : "idle");
            return events;
        }
        available = piece > 0 ? qMin(available + piece, input.size()) : input.size();
    }
    check(false, "the reader makes progress");
    return events;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const QByteArray input = authkit::fuzz::bytes(data, size);
    const QByteArrayList whole = transcript(input, 0);
    check(transcript(input, 1) == whole, "byte by byte reads what all at once reads");
    check(transcript(input, 13) == whole, "13-byte pieces read what all at once reads");
    return 0;
}
