#include <authkitqt/core/RedirectParser.h>

#include <QByteArray>
#include <QHostAddress>
#include <QStringDecoder>

#include <optional>

namespace authkit {

namespace {

// Real values are tens of characters; anything past these caps is an attack or a bug.
constexpr qsizetype kMaxValueBytes = 4 * 1024;
constexpr qsizetype kMaxQueryBytes = 32 * 1024;

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// "/callback" and "/callback/" are the same redirect (as authkit-js treats them).
QString normalizedPath(const QUrl &url)
{
    QString path = url.path(QUrl::FullyEncoded);
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return path;
}

bool isOurs(const QUrl &url, const QUrl &expected)
{
    if (!url.isValid() || !expected.isValid() || url.isEmpty() || expected.isEmpty())
        return false;
    if (url.scheme().compare(expected.scheme(), Qt::CaseInsensitive) != 0)
        return false;
    if (url.host(QUrl::FullyEncoded).compare(expected.host(QUrl::FullyEncoded), Qt::CaseInsensitive)
        != 0) {
        return false;
    }
    // Credentials in a redirect are never ours; they only serve to disguise the real host.
    if (!url.userInfo().isEmpty())
        return false;
    // RFC 8252 §7.3: the loopback listener's port is chosen at run time.
    if (!isLoopbackHost(expected.host()) && url.port() != expected.port())
        return false;
    return normalizedPath(url) == normalizedPath(expected);
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Form decoding ('+' is a space), strict: a stray '%' or bytes that are not UTF-8 fail.
std::optional<QString> decodeFormValue(QByteArrayView raw)
{
    QByteArray bytes;
    bytes.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c == '+') {
            bytes += ' ';
        } else if (c == '%') {
            if (i + 2 >= raw.size())
                return std::nullopt;
            const int hi = hexValue(raw[i + 1]);
            const int lo = hexValue(raw[i + 2]);
            if (hi < 0 || lo < 0)
                return std::nullopt;
            bytes += char(hi * 16 + lo);
            i += 2;
        } else {
            bytes += c;
        }
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

// Codes, our state and error codes are printable ASCII; anything else was not sent by WorkOS.
bool isPrintableAscii(const QString &value)
{
    for (const QChar c : value) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

struct Field
{
    QLatin1String name;
    QString *target;
    bool seen = false;
};

RedirectResult malformed()
{
    RedirectResult result;
    result.kind = RedirectResult::Kind::Malformed;
    return result;
}

} // namespace

RedirectResult RedirectParser::parse(const QUrl &url, const QUrl &expectedRedirectUri)
{
    if (!isOurs(url, expectedRedirectUri))
        return {};

    const QByteArray query = url.query(QUrl::FullyEncoded).toLatin1();
    if (query.size() > kMaxQueryBytes)
        return malformed();

    RedirectResult result;
    Field fields[] = {
        {QLatin1String("code"), &result.code},
        {QLatin1String("state"), &result.state},
        {QLatin1String("error"), &result.error},
        {QLatin1String("error_description"), &result.errorDescription},
    };

    const QList<QByteArray> items = query.split('&');
    for (const QByteArray &item : items) {
        if (item.isEmpty())
            continue;
        const qsizetype eq = item.indexOf('=');
        const QByteArrayView whole(item);
        const QByteArrayView rawKey = eq < 0 ? whole : whole.first(eq);
        const QByteArrayView rawValue = eq < 0 ? QByteArrayView() : whole.sliced(eq + 1);
        const std::optional<QString> key = decodeFormValue(rawKey);
        if (!key)
            return malformed();
        for (Field &field : fields) {
            if (*key != field.name)
                continue;
            // A repeated parameter is ambiguous: different readers would pick different values.
            if (field.seen || rawValue.size() > 3 * kMaxValueBytes)
                return malformed();
            field.seen = true;
            const std::optional<QString> value = decodeFormValue(rawValue);
            if (!value || value->toUtf8().size() > kMaxValueBytes)
                return malformed();
            *field.target = *value;
        }
    }

    if (!isPrintableAscii(result.code) || !isPrintableAscii(result.state)
        || !isPrintableAscii(result.error)) {
        return malformed();
    }
    // The description is only shown; keep it on one line.
    for (QChar &c : result.errorDescription) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = QLatin1Char(' ');
    }

    const bool codeSeen = fields[0].seen;
    const bool errorSeen = fields[2].seen;
    // Both, or neither: no way to tell what happened, so the attempt fails.
    if (codeSeen == errorSeen)
        return malformed();
    if (codeSeen) {
        if (result.code.isEmpty())
            return malformed();
        result.errorDescription.clear(); // a description without an error means nothing
        result.kind = RedirectResult::Kind::Code;
    } else {
        if (result.error.isEmpty())
            return malformed();
        result.kind = RedirectResult::Kind::Error;
    }
    return result;
}

} // namespace authkit
