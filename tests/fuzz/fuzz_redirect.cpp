// RedirectParser::parse on any bytes as the URL a browser was sent to, against a loopback, an
// https and a custom-scheme redirect URI.
#include "FuzzSupport.h"

#include <authkitqt/core/RedirectParser.h>

namespace {

bool printableAscii(const QString &value) {
    for (const QChar c : value) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

void parseAgainstAll(const QUrl &url) {
    using authkit::RedirectResult;
    using authkit::fuzz::check;
    static const QUrl expected[] = {
        QUrl(QStringLiteral("http://127.0.0.1/callback")),
        QUrl(QStringLiteral("https://app.example.com:8443/auth/callback")),
        QUrl(QStringLiteral("com.example.app:/callback")),
    };
    for (const QUrl &redirectUri : expected) {
        const RedirectResult result = authkit::RedirectParser::parse(url, redirectUri);
        switch (result.kind) {
        case RedirectResult::Kind::NotOurs:
        case RedirectResult::Kind::Malformed:
            break;
        case RedirectResult::Kind::Code:
            check(!result.code.isEmpty() && printableAscii(result.code), "a code is printable");
            check(result.errorDescription.isEmpty(), "a code has no error description");
            break;
        case RedirectResult::Kind::Error:
            check(!result.error.isEmpty() && printableAscii(result.error), "an error is printable");
            break;
        }
        check(printableAscii(result.state), "the state is printable");
        for (const QChar c : result.errorDescription)
            check(c.unicode() >= 0x20 && c.unicode() != 0x7f, "the description is one line");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const QByteArray input = authkit::fuzz::bytes(data, size);
    // What a browser hands over (encoded) and what a person might paste (text).
    parseAgainstAll(QUrl::fromEncoded(input, QUrl::StrictMode));
    parseAgainstAll(QUrl(QString::fromUtf8(input), QUrl::TolerantMode));
    return 0;
}
